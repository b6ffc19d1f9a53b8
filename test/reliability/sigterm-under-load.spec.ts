import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store/postgres';
import { READ_MODEL_SCHEMA, readCheckpoint } from '@app/read-models';
import { readModelChecksums, rebuildReadModels } from '@app/rebuild';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { signTestToken } from '../support/auth';
import { builtApplication } from '../support/build';
import { startApiProcess, startProjectorProcess, waitFor, type ApiProcess, type RunningProcess } from '../support/processes';
import { checkExactlyOnce, registeredNames, startWriteLoad } from '../support/write-load';

/**
 * SIGTERM while four writers keep the API (with its inline projector) busy over keep-alive
 * connections: every request in flight is answered, no connection is reset, the process exits 0,
 * and what the projector had committed is whole (a projector started afterwards goes on from it
 * and ends equal to a clean rebuild, every event counted once).
 */
describe('SIGTERM under load', () => {
  let build: string;
  let db: TestDatabase;
  let api: ApiProcess;
  let projector: RunningProcess | undefined;
  const regionId = randomUUID();

  beforeAll(async () => {
    build = await builtApplication();
    db = await createTestDatabase('sigterm');
    api = await startApiProcess(build, { DATABASE_URL: db.url, PROJECTOR: 'inline' });
    const token = signTestToken('office', { userId: 'buero.sigterm', regionIds: [regionId] });
    const res = await fetch(`${api.url}/api/regions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ regionId, name: 'Bildungsregion Feierabend', contractSignedOn: '2009-08-24' }),
    });
    expect(res.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await api?.kill();
    await projector?.kill();
    await db?.drop();
  });

  it('answers every request in flight, resets no connection, and exits 0', async () => {
    const load = startWriteLoad({ urls: () => [api.url], regionId, writers: 4, label: 'sigterm' });
    await waitFor('30 writes acknowledged', () => load.count(201) >= 30, 120_000);
    await waitFor('writes in flight', () => load.count('pending') >= 2, 60_000, 1);
    const inFlight = load.outcomes.filter((o) => o.status === 'pending');
    // No new request starts after the signal; the ones already sent must all be answered.
    const stopped = load.stop();
    api.child.kill('SIGTERM');
    await stopped;
    const exit = await api.exited;
    // Named with what the process printed, so a failure on a loaded machine says why.
    expect({ ...exit, unanswered: load.outcomes.filter((o) => o.status !== 201), inFlight: inFlight.length >= 2 }).toEqual({
      code: 0,
      signal: null,
      unanswered: [],
      inFlight: true,
      ...(exit.code === 0 ? {} : { output: api.output() }),
    });
    expect(inFlight.map((o) => o.status)).toEqual(inFlight.map(() => 201));

    const pool = new Pool({ connectionString: db.url, max: 3 });
    const store = new PostgresEventStore({ url: db.url, maxConnections: 2, notify: false });
    try {
      expect(checkExactlyOnce(load.outcomes, await registeredNames(pool, 'sigterm'))).toEqual([]);
      projector = startProjectorProcess(build, { DATABASE_URL: db.url });
      const head = await store.headPosition();
      await waitFor('a projector going on from the checkpoint', async () => (await readCheckpoint(pool, READ_MODEL_SCHEMA)).position === head, 120_000, 100);
      await waitFor('the projector process reporting it caught up', () => projector!.output().includes('aufgeholt'), 120_000);
      const total = (await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM event_store.events`)).rows[0].n;
      expect((await readCheckpoint(pool, READ_MODEL_SCHEMA)).events.toString()).toBe(total);
      const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
      const clean = await rebuildReadModels({ store, pool, swap: false });
      expect(await readModelChecksums(pool, clean.shadow)).toEqual(live);
      projector.child.kill('SIGTERM');
      expect(await projector.exited).toEqual({ code: 0, signal: null });
    } finally {
      await store.close();
      await pool.end();
    }
  }, 600_000);
});
