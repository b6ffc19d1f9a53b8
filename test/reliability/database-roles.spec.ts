import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrateEventStore } from '@app/event-store/postgres';
import { APP_ROLE, ensureDatabase, OWNER_ROLE, ROLES_FILE, withDatabase } from '@app/postgres';
import { migrateReadModels, READ_MODEL_SCHEMA, readCheckpoint } from '@app/read-models';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { signTestToken } from '../support/auth';
import { builtApplication } from '../support/build';
import { startOwnPostgres } from '../support/own-postgres';
import { freePort, startApiProcess, waitFor, type ApiProcess } from '../support/processes';

/**
 * Least privilege: the API runs as a runtime role that may read and append the event log but not
 * change it, and the owner's migrations grant it what the application needs. Once with an external
 * server (MIGRATION_DATABASE_URL and DATABASE_URL), once with the embedded default, starting on a
 * DATA_DIR made before the split (every object the superuser's), which must upgrade at that start.
 */

/** What the runtime role must be refused, each with SQLSTATE 42501 (insufficient privilege). */
const FORBIDDEN = [
  `UPDATE event_store.events SET type = type`,
  `DELETE FROM event_store.events`,
  `TRUNCATE event_store.events`,
  `ALTER TABLE event_store.events DISABLE TRIGGER events_append_only`,
  `ALTER TABLE event_store.events DISABLE TRIGGER ALL`,
  `SET session_replication_role = replica`,
  `COPY event_store.events FROM PROGRAM 'true'`,
  `COPY (SELECT 1) TO PROGRAM 'cat > /dev/null'`,
  `DROP TABLE event_store.events`,
  `CREATE SCHEMA eingeschleust`,
];

async function refusals(runtimeUrl: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: runtimeUrl });
  await c.connect();
  try {
    const codes: Record<string, string> = {};
    for (const sql of FORBIDDEN) codes[sql] = await c.query(sql).then(() => 'allowed', (e: { code?: string }) => e.code ?? 'no code');
    const who = await c.query<{ rolsuper: boolean; owns: number }>(
      `SELECT r.rolsuper, (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns FROM pg_roles r WHERE r.rolname = current_user`,
    );
    codes['superuser'] = String(who.rows[0].rolsuper);
    codes['owns tables'] = String(who.rows[0].owns);
    return codes;
  } finally {
    await c.end();
  }
}
const allRefused = { ...Object.fromEntries(FORBIDDEN.map((sql) => [sql, '42501'])), superuser: 'false', 'owns tables': '0' };

async function useTheApplication(api: ApiProcess, databaseUrl: string): Promise<void> {
  const regionId = randomUUID();
  const headers = { Authorization: `Bearer ${signTestToken('office', { userId: 'buero.rollen', regionIds: [regionId] })}`, 'Content-Type': 'application/json' };
  const post = (path: string, body: object) => fetch(`${api.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  expect((await post('/api/regions', { regionId, name: 'Bildungsregion Rollen', contractSignedOn: '2009-08-24' })).status).toBe(201);
  const committee = { name: 'Fachgremium Rollen', shortName: 'FG R', kind: 'fachgremium', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-02-01' };
  expect((await post(`/api/regions/${regionId}/committees`, committee)).status).toBe(201);
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await waitFor('the inline projector applied both events', async () => (await readCheckpoint(c as never, READ_MODEL_SCHEMA)).events === 2n, 60_000, 100);
  } finally {
    await c.end();
  }
  const list = await fetch(`${api.url}/api/regions/${regionId}/committees`, { headers });
  expect(list.status).toBe(200);
  const items = ((await list.json()) as { items: { name: string; committeeId: string }[] }).items;
  expect(items.map((i) => i.name)).toEqual(['Fachgremium Rollen']);
  // The reminders' tables (contacts here) are the runtime role's to write, too.
  const contacts = `${api.url}/api/regions/${regionId}/committees/${items[0].committeeId}/contacts`;
  const put = await fetch(contacts, { method: 'PUT', headers, body: JSON.stringify({ contacts: [{ name: 'Frau Rolle', email: 'rolle@gremium.example' }] }) });
  expect(put.status).toBe(200);
  expect(((await put.json()) as { contacts: unknown[] }).contacts).toEqual([{ name: 'Frau Rolle', email: 'rolle@gremium.example' }]);
}

describe('the runtime role', () => {
  let build: string;
  beforeAll(async () => {
    build = await builtApplication();
  });

  describe('with MIGRATION_DATABASE_URL and DATABASE_URL', () => {
    let db: TestDatabase;
    let admin: Client;
    let api: ApiProcess | undefined;
    const login = `laufzeit_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    let runtimeUrl: string;

    beforeAll(async () => {
      db = await createTestDatabase('roles');
      admin = new Client({ connectionString: db.url });
      await admin.connect();
      await admin.query(`CREATE ROLE ${login} LOGIN PASSWORD '${password}'`);
      const u = new URL(db.url);
      u.username = login;
      u.password = password;
      runtimeUrl = u.toString();
      api = await startApiProcess(build, { MIGRATION_DATABASE_URL: db.url, DATABASE_URL: runtimeUrl, PROJECTOR: 'inline' });
    }, 300_000);

    afterAll(async () => {
      await api?.kill();
      await admin?.end();
      await db?.drop();
      const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP ROLE IF EXISTS ${login}`);
      await c.end();
    });

    it('serves commands, the projector and reads as the runtime role only', async () => {
      await useTheApplication(api!, db.url);
      const { rows } = await admin.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'empfehlungsradar%'`,
      );
      expect(rows.map((r) => r.usename)).toEqual([login]);
    });

    it('cannot change the log, disable its trigger, replicate around it or run programs', async () => {
      expect(await refusals(runtimeUrl)).toEqual(allRefused);
    });
  });

  describe('the embedded default, on a DATA_DIR from before the split', () => {
    let dataDir: string;
    let api: ApiProcess | undefined;
    let port: number;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'empf-roles-'));
      port = await freePort();
      // What earlier versions left: the application's database, every object the superuser's.
      const old = await startOwnPostgres(build, dataDir, port);
      const url = withDatabase(old.url, 'empfehlungsradar');
      await ensureDatabase(url);
      await migrateEventStore(url);
      await migrateReadModels(url);
      await old.stop();
      api = await startApiProcess(build, { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), PROJECTOR: 'inline' });
    }, 300_000);

    afterAll(async () => {
      if (api?.alive()) {
        api.child.kill('SIGTERM');
        await api.exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    });

    const roles = () => JSON.parse(readFileSync(join(dataDir, ROLES_FILE), 'utf8')) as { owner: { user: string; password: string }; runtime: { user: string; password: string } };
    const as = (user: string, password: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/empfehlungsradar`;

    it('keeps generated passwords for both roles in DATA_DIR, readable by its owner only', () => {
      expect(statSync(join(dataDir, ROLES_FILE)).mode & 0o777).toBe(0o600);
      const r = roles();
      expect([r.owner.user, r.runtime.user]).toEqual([OWNER_ROLE, APP_ROLE]);
      expect(r.owner.password).toMatch(/^[\w-]{32}$/);
      expect(r.runtime.password).toMatch(/^[\w-]{32}$/);
      expect(r.owner.password).not.toBe(r.runtime.password);
    });

    it('hands the old objects to the owner and serves as the runtime role, on loopback only', async () => {
      const r = roles();
      const owner = new Client({ connectionString: as(r.owner.user, r.owner.password) });
      await owner.connect();
      try {
        await useTheApplication(api!, as(r.owner.user, r.owner.password));
        const notOwned = await owner.query(
          `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('event_store', 'read_model', 'auth') AND pg_get_userbyid(c.relowner) <> $1`,
          [OWNER_ROLE],
        );
        expect(notOwned.rows).toEqual([]);
        const sessions = await owner.query<{ usename: string }>(
          `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'empfehlungsradar' AND application_name LIKE 'empfehlungsradar%'`,
        );
        expect(sessions.rows.map((s) => s.usename)).toEqual([APP_ROLE]);
        expect((await owner.query<{ listen_addresses: string }>(`SHOW listen_addresses`)).rows[0].listen_addresses).toBe('127.0.0.1');
      } finally {
        await owner.end();
      }
    });

    it('cannot change the log, disable its trigger, replicate around it or run programs', async () => {
      const r = roles();
      expect(await refusals(as(r.runtime.user, r.runtime.password))).toEqual(allRefused);
    });
  });
});
