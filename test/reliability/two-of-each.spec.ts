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
 * Two API processes (PROJECTOR=off) and two projector processes on one database, writers spread
 * over both APIs. Every accepted command is in the log once; at no moment do two projectors hold
 * the lead (the advisory lock), the leader is killed halfway and the other takes over; the
 * checkpoint counts every event exactly once and the read models equal a clean rebuild.
 */
describe('two API processes and two projector processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  const apis: ApiProcess[] = [];
  const projectors: RunningProcess[] = [];
  const regionId = randomUUID();

  /** Sessions holding the projector's advisory lock (projector.ts: pg_try_advisory_lock(hashtext('projector:<schema>'))). */
  const leaders = async () =>
    (
      await pool.query<{ pid: number }>(
        `SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.objid = (hashtext($1)::bigint & 4294967295)::oid`,
        [`projector:${READ_MODEL_SCHEMA}`],
      )
    ).rows.map((r) => r.pid);

  beforeAll(async () => {
    const build = await builtApplication();
    db = await createTestDatabase('two_of_each');
    apis.push(await startApiProcess(build, { DATABASE_URL: db.url, PROJECTOR: 'off' }));
    apis.push(await startApiProcess(build, { DATABASE_URL: db.url, PROJECTOR: 'off' }));
    pool = new Pool({ connectionString: db.url, max: 3 });
    // The first one started leads (it found the lock free); the second stands by.
    projectors.push(startProjectorProcess(build, { DATABASE_URL: db.url }));
    await waitFor('the first projector leading', async () => (await leaders()).length === 1, 120_000);
    projectors.push(startProjectorProcess(build, { DATABASE_URL: db.url }));
    const token = signTestToken('office', { userId: 'buero.zwei', regionIds: [regionId] });
    const res = await fetch(`${apis[0].url}/api/regions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ regionId, name: 'Bildungsregion Doppelt', contractSignedOn: '2009-08-24' }),
    });
    expect(res.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    for (const p of [...apis, ...projectors]) await p.kill();
    await pool?.end();
    await db?.drop();
  });

  it('accepts every command once and applies every event exactly once', async () => {
    const leaderSamples: number[][] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        leaderSamples.push(await leaders());
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    const load = startWriteLoad({ urls: () => apis.map((a) => a.url), regionId, writers: 4, label: 'zwei' });
    try {
      await waitFor('40 writes acknowledged', () => load.count(201) >= 40, 120_000);
      // The leader is killed mid-stream; the standby takes the lock over and goes on from the checkpoint.
      const [leaderSession] = await leaders();
      await projectors[0].kill();
      await waitFor('the standby projector leading', async () => {
        const now = await leaders();
        return now.length === 1 && now[0] !== leaderSession;
      }, 60_000);
      expect(projectors[1].alive()).toBe(true);
      const acknowledged = load.count(201);
      await waitFor('40 more writes acknowledged', () => load.count(201) >= acknowledged + 40, 120_000);
    } finally {
      await load.stop();
    }
    const store = new PostgresEventStore({ url: db.url, maxConnections: 2, notify: false });
    try {
      const head = await store.headPosition();
      await waitFor('the remaining projector caught up', async () => (await readCheckpoint(pool, READ_MODEL_SCHEMA)).position === head, 120_000, 100);
      sampling = false;
      await sampler;

      expect(load.outcomes.filter((o) => o.status !== 201)).toEqual([]);
      expect(checkExactlyOnce(load.outcomes, await registeredNames(pool, 'zwei'))).toEqual([]);
      // Never two leaders at once, and someone led.
      expect(leaderSamples.filter((s) => s.length > 1)).toEqual([]);
      expect(leaderSamples.some((s) => s.length === 1)).toBe(true);

      const total = (await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM event_store.events`)).rows[0].n;
      expect((await readCheckpoint(pool, READ_MODEL_SCHEMA)).events.toString()).toBe(total);
      const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
      expect(live.timeline.rows.toString()).toBe(total);
      const clean = await rebuildReadModels({ store, pool, swap: false });
      expect(await readModelChecksums(pool, clean.shadow)).toEqual(live);
    } finally {
      sampling = false;
      await store.close();
    }
    expect(apis.every((a) => a.alive())).toBe(true);
  }, 600_000);
});
