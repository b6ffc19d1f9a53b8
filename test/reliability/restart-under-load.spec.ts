import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store/postgres';
import { withDatabase } from '@app/postgres';
import { READ_MODEL_SCHEMA, readCheckpoint } from '@app/read-models';
import { readModelChecksums, rebuildReadModels } from '@app/rebuild';
import { signTestToken } from '../support/auth';
import { builtApplication } from '../support/build';
import { startOwnPostgres, type OwnPostgres } from '../support/own-postgres';
import { freePort, startApiProcess, waitFor, type ApiProcess } from '../support/processes';
import { checkExactlyOnce, registeredNames, startWriteLoad } from '../support/write-load';

/**
 * PostgreSQL restarts (fast shutdown, every session terminated) while four writers keep the API
 * busy. The API process stays up, answers 503 problem+json during the outage, recovers by itself;
 * every write acknowledged before and after is in the log exactly once, the hash chains hold, and
 * the inline projector's read models equal a clean rebuild.
 */
describe('PostgreSQL restarted under load', () => {
  let build: string;
  let dataDir: string;
  let port: number;
  let pg: OwnPostgres | undefined;
  let api: ApiProcess | undefined;
  let dbUrl: string;
  const regionId = randomUUID();

  beforeAll(async () => {
    build = await builtApplication();
    dataDir = mkdtempSync(join(tmpdir(), 'empf-restart-'));
    port = await freePort();
    pg = await startOwnPostgres(build, dataDir, port);
    dbUrl = withDatabase(pg.url, 'restart');
    api = await startApiProcess(build, { DATABASE_URL: dbUrl, PROJECTOR: 'inline' });
    const token = signTestToken('office', { userId: 'buero.restart', regionIds: [regionId] });
    const res = await fetch(`${api.url}/api/regions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ regionId, name: 'Bildungsregion Neustart', contractSignedOn: '2009-08-24' }),
    });
    expect(res.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await api?.kill();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the API up, answers 503 meanwhile, and loses or doubles no acknowledged write', async () => {
    const ready = async () => (await fetch(`${api!.url}/api/health/ready`)).status;
    const load = startWriteLoad({ urls: () => [api!.url], regionId, writers: 4, label: 'restart' });
    try {
      await waitFor('20 writes acknowledged before the restart', () => load.count(201) >= 20, 120_000);
      await pg!.stop();
      pg = undefined;
      const refusedBefore = load.count(503);
      await waitFor('writes answered 503 while PostgreSQL is down', () => load.count(503) >= refusedBefore + 8, 60_000);
      expect(await ready()).toBe(503);
      expect(api!.alive()).toBe(true);

      pg = await startOwnPostgres(build, dataDir, port);
      await waitFor('readiness green after the restart', async () => (await ready()) === 200, 120_000, 200);
      const acknowledged = load.count(201);
      await waitFor('20 more writes acknowledged after the restart', () => load.count(201) >= acknowledged + 20, 120_000);
    } finally {
      await load.stop();
    }
    expect(api!.alive()).toBe(true);

    // Every answer was a success or a 503 problem; no connection was reset, nothing was a 500.
    const others = load.outcomes.filter((o) => o.status !== 201 && o.status !== 503);
    expect(others).toEqual([]);
    const refused = load.outcomes.filter((o) => o.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(8);
    for (const o of refused) expect(o.contentType).toMatch(/^application\/problem\+json/);

    const pool = new Pool({ connectionString: dbUrl, max: 3 });
    const store = new PostgresEventStore({ url: dbUrl, maxConnections: 2, notify: false });
    try {
      expect(checkExactlyOnce(load.outcomes, await registeredNames(pool, 'restart'))).toEqual([]);
      const verified = await store.verify();
      expect(verified).toMatchObject({ ok: true });

      const head = await store.headPosition();
      await waitFor('inline projector caught up after the restart', async () => (await readCheckpoint(pool, READ_MODEL_SCHEMA)).position === head, 120_000, 200);
      const total = (await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM event_store.events`)).rows[0].n;
      expect((await readCheckpoint(pool, READ_MODEL_SCHEMA)).events.toString()).toBe(total);
      const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
      const clean = await rebuildReadModels({ store, pool, swap: false });
      expect(await readModelChecksums(pool, clean.shadow)).toEqual(live);
    } finally {
      await store.close();
      await pool.end();
    }
  }, 600_000);
});
