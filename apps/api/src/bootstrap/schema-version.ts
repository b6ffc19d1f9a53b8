import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';
import { eventStoreMigrations } from '@app/event-store/postgres';
import { authMigrations } from '../auth/data-source';
import { typeOrmMigrations } from '../infrastructure/typeorm';

type Migration = new () => MigrationInterface;

/** Every migrations table of ours and the migrations this version runs into it at start. */
export const MIGRATION_SETS: readonly { table: string; migrations: readonly Migration[] }[] = [
  { table: 'event_store_migrations', migrations: eventStoreMigrations },
  { table: 'auth_migrations', migrations: authMigrations },
  { table: 'typeorm_migrations', migrations: typeOrmMigrations },
];

const nameOf = (m: Migration) => new m().name ?? m.name;

/** The database holds a schema of a newer version than this one. */
export class SchemaTooNew extends Error {
  override readonly name = 'SchemaTooNew';
}

/**
 * Before the migrations run at start: how many are pending (an older schema is brought forward,
 * never back), and a refusal when the database knows a migration this version does not, which means
 * a newer version has run on it: going on would run old code on a schema it does not know.
 */
export async function checkSchemaVersion(url: string): Promise<{ pending: number }> {
  const client = new Client({ connectionString: url, application_name: 'empfehlungsradar-schema' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    let pending = 0;
    for (const set of MIGRATION_SETS) {
      const known = set.migrations.map(nameOf);
      const { rows: [exists] } = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`public.${set.table}`]);
      if (!exists.t) {
        pending += known.length;
        continue;
      }
      const applied = (await client.query<{ name: string }>(`SELECT name FROM public.${set.table}`)).rows.map((r) => r.name);
      const unknown = applied.filter((name) => !known.includes(name));
      if (unknown.length > 0) {
        throw new SchemaTooNew(
          `Die Datenbank wurde von einer neueren Version des Empfehlungsradars eingerichtet (Migration ${unknown.join(', ')} in ${set.table} ist dieser Version unbekannt). ` +
            `Starten Sie die neuere Version; zurück geht es nur über eine Sicherung dieser Version ("npm run restore" in ein leeres DATA_DIR). / ` +
            `The database was set up by a newer version; schema migrations only run forward.`,
        );
      }
      pending += known.filter((name) => !applied.includes(name)).length;
    }
    return { pending };
  } finally {
    await client.end().catch(() => undefined);
  }
}
