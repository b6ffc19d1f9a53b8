import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { READ_MODEL_SCHEMA, readCheckpoint } from '@app/read-models';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { signTestToken } from '../support/auth';
import { builtApplication } from '../support/build';
import { startApiProcess, waitFor, type ApiProcess } from '../support/processes';

/**
 * The API as a real process loses its database connections: first every connection is terminated
 * (pg_terminate_backend, as an administrator or a failover does), then the database refuses every
 * connection for a while. The process must survive both, answer 503 problem+json while the database
 * is away (writing nothing), report itself not ready, and recover by itself, with the inline
 * projector going on from its checkpoint.
 */
describe('API process when its database connections drop', () => {
  let db: TestDatabase;
  let admin: Client;
  let api: ApiProcess;
  const regionId = randomUUID();
  const office = () => ({ Authorization: `Bearer ${signTestToken('office', { userId: 'buero.outage', regionIds: [regionId] })}`, 'Content-Type': 'application/json' });
  const dbName = () => new URL(db.url).pathname.slice(1);

  const terminateAll = () => admin.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName()]);
  const connections = async () =>
    (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName()])).rows[0].n;
  const events = async () => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM event_store.events`)).rows[0].n;
    } finally {
      await c.end();
    }
  };
  const post = (path: string, body: object) => fetch(`${api.url}${path}`, { method: 'POST', headers: office(), body: JSON.stringify(body) });
  const committee = (name: string) => ({ name, shortName: name.slice(0, 8), kind: 'fachgremium', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-02-01' });
  const ready = async () => (await fetch(`${api.url}/api/health/ready`)).status;
  const projectedUpToHead = async () => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const head = (await c.query<{ p: string | null }>(`SELECT max(position)::text AS p FROM event_store.events`)).rows[0].p;
      const checkpoint = await readCheckpoint(c as never, READ_MODEL_SCHEMA);
      return head !== null && checkpoint.position?.toString() === head;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    const build = await builtApplication();
    db = await createTestDatabase('outage');
    admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    api = await startApiProcess(build, { DATABASE_URL: db.url, PROJECTOR: 'inline' });
    const res = await post('/api/regions', { regionId, name: 'Bildungsregion Ausfall', contractSignedOn: '2009-08-24' });
    expect(res.status).toBe(201);
    await waitFor('readiness green', async () => (await ready()) === 200);
  }, 300_000);

  afterAll(async () => {
    await api?.kill();
    await admin?.query(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await db?.drop();
  });

  it('survives every connection being terminated, and serves again at once', async () => {
    expect(await connections()).toBeGreaterThan(0);
    for (let round = 0; round < 3; round++) {
      await terminateAll();
      // The health answer proves the process took the connection errors without dying.
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    }
    const res = await post(`/api/regions/${regionId}/committees`, committee('Gremium nach Abbruch'));
    expect(res.status).toBe(201);
    await waitFor('projector applied the new committee', projectedUpToHead);
    expect(api.alive()).toBe(true);
  });

  it('answers 503 problem+json while the database refuses connections, writes nothing, and recovers by itself', async () => {
    const before = await events();
    await admin.query(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS false`);
    await terminateAll();

    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    expect(await ready()).toBe(503);

    const write = await post(`/api/regions/${regionId}/committees`, committee('Gremium im Ausfall'));
    expect(write.status).toBe(503);
    expect(write.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await write.json()) as { status: number; title: string; detail: string; code: string };
    expect(problem).toMatchObject({ status: 503, title: 'Nicht verfügbar', code: 'database-unavailable' });
    expect(problem.detail).toContain('Datenbank');
    expect(write.headers.get('retry-after')).toBe('5');

    const read = await fetch(`${api.url}/api/regions/${regionId}`, { headers: office() });
    expect(read.status).toBe(503);
    expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(api.alive()).toBe(true);

    await admin.query(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS true`);
    expect(await events()).toBe(before);
    await waitFor('readiness green again', async () => (await ready()) === 200, 60_000, 100);
    const after = await post(`/api/regions/${regionId}/committees`, committee('Gremium danach'));
    expect(after.status).toBe(201);
    expect(await events()).toBe(before + 1);
    await waitFor('projector resumed from its checkpoint', projectedUpToHead, 60_000, 100);
    expect(api.alive()).toBe(true);
  });
});
