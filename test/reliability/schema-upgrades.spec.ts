import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';
import { eventStoreMigrations } from '@app/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { authMigrations } from '../../apps/api/src/auth/data-source';
import { runMigrationSet } from '../../apps/api/src/backup/migrations';
import { checkSchemaVersion, MIGRATION_SETS } from '../../apps/api/src/bootstrap/schema-version';
import { typeOrmMigrations } from '../../apps/api/src/infrastructure/typeorm';

/**
 * Upgrades (issue 19, item 4): our migrations run forward only, from every schema a release could
 * have left to the current one. Every migration of every migrations table, in the order they were
 * written (their timestamps), is a schema some version had; from each, running all migrations must
 * end in exactly the schema a new database gets. A database migrated by a newer version is refused.
 */
type Migration = new () => MigrationInterface;
const stampOf = (m: Migration) => Number(/(\d{13})$/.exec(new m().name ?? m.name)?.[1]);

const SETS: { table: string; migrations: Migration[] }[] = [
  { table: 'event_store_migrations', migrations: eventStoreMigrations },
  { table: 'auth_migrations', migrations: authMigrations },
  { table: 'typeorm_migrations', migrations: typeOrmMigrations },
];
const ALL = SETS.flatMap((s) => s.migrations).sort((a, b) => stampOf(a) - stampOf(b));

async function migrate(url: string, upTo: number): Promise<void> {
  for (const set of SETS) await runMigrationSet(url, set.table, set.migrations.filter((m) => stampOf(m) <= upTo));
}

/** Tables, columns, indexes, constraints and triggers of every schema of ours, as text lines. */
async function schemaOf(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const ours = `NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`;
    const q = async (sql: string) => (await c.query<{ line: string }>(sql)).rows.map((r) => r.line);
    return [
      ...(await q(`SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
                     FROM information_schema.columns WHERE table_schema ${ours}`)),
      ...(await q(`SELECT schemaname || ' ' || indexdef AS line FROM pg_indexes WHERE schemaname ${ours}`)),
      ...(await q(`SELECT n.nspname || '.' || t.relname || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid) AS line
                     FROM pg_constraint co JOIN pg_class t ON t.oid = co.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname ${ours}`)),
      ...(await q(`SELECT n.nspname || '.' || c.relname || ' ' || tg.tgname || ' ' || pg_get_triggerdef(tg.oid) AS line
                     FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT tg.tgisinternal AND n.nspname ${ours}`)),
    ].sort();
  } finally {
    await c.end();
  }
}

describe('schema upgrades', () => {
  const dbs: TestDatabase[] = [];
  const fresh = async (name: string) => {
    const db = await createTestDatabase(name);
    dbs.push(db);
    return db.url;
  };
  let current: string[];

  beforeAll(async () => {
    const url = await fresh('schema_current');
    await migrate(url, Infinity);
    current = await schemaOf(url);
  }, 120_000);

  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('has migrations in every set, each with its own timestamp', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(7);
    expect(new Set(ALL.map(stampOf)).size).toBe(ALL.length);
    expect(ALL.every((m) => Number.isFinite(stampOf(m)))).toBe(true);
  });

  it.each(ALL.map((m, i) => [i + 1, new m().name ?? m.name]))('from the schema after migration %i (%s) forward to the current one', async (count) => {
    const url = await fresh('schema_from');
    await migrate(url, stampOf(ALL[Number(count) - 1]));
    // Not compared with the current schema: the read models' first migration creates today's shape
    // (its successors reshape older databases, see read-model-migrations.spec), so several states coincide.
    const status = await checkSchemaVersion(url);
    expect(status.pending).toBe(ALL.length - Number(count));
    await migrate(url, Infinity);
    expect(await schemaOf(url)).toEqual(current);
    expect((await checkSchemaVersion(url)).pending).toBe(0);
  }, 120_000);

  it('counts a new database as needing every migration', async () => {
    const url = await fresh('schema_empty');
    expect(await checkSchemaVersion(url)).toEqual({ pending: ALL.length });
  });

  it('refuses a database a newer version has migrated, naming the migration', async () => {
    const url = await fresh('schema_newer');
    await migrate(url, Infinity);
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query(`INSERT INTO auth_migrations (timestamp, name) VALUES (1999999999999, 'FromTheFuture1999999999999')`);
    await c.end();
    await expect(checkSchemaVersion(url)).rejects.toThrow(
      'Die Datenbank wurde von einer neueren Version des Empfehlungsradars eingerichtet (Migration FromTheFuture1999999999999 in auth_migrations ist dieser Version unbekannt).',
    );
  });

  it('knows the same migrations as the sets the application runs', () => {
    expect(MIGRATION_SETS.map((s) => [s.table, s.migrations.length])).toEqual(SETS.map((s) => [s.table, s.migrations.length]));
  });
});
