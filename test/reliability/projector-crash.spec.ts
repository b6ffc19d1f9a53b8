import { Pool } from 'pg';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { migrateReadModels, READ_MODEL_SCHEMA, readCheckpoint } from '@app/read-models';
import { readModelChecksums, rebuildReadModels } from '@app/rebuild';
import { appendBatched, simulateHistory } from '@app/testing/simulation';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { builtApplication } from '../support/build';
import { startProjectorProcess, waitFor, type RunningProcess } from '../support/processes';

/**
 * Crash safety of the projector process: during a 20,000-event catch-up it is killed with SIGKILL
 * at random moments (mid-batch, mid-transaction, whatever it is doing), started again, and in the
 * end its read models must equal a clean rebuild row for row, with every event applied exactly once.
 */
const EVENTS = Number(process.env.CRASH_TEST_EVENTS ?? 20_000);
/** Fixed, so a failure replays; CRASH_TEST_SEED tries others. */
const SEED = Number(process.env.CRASH_TEST_SEED ?? 4711);

/** A seeded generator for the kill times, so a failure can be replayed (the seed is printed). */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('projector process killed during catch-up', () => {
  let build: string;
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let child: RunningProcess | undefined;

  const startProjector = () => startProjectorProcess(build, { DATABASE_URL: db.url });
  const checkpoint = () => readCheckpoint(pool, READ_MODEL_SCHEMA);

  beforeAll(async () => {
    // The projector runs as a real process from the compiled output, built once for all suites.
    build = await builtApplication();
    db = await createTestDatabase('projector_crash');
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    store = new PostgresEventStore({ url: db.url, maxConnections: 4, notify: false });
    pool = new Pool({ connectionString: db.url, max: 4 });
    await appendBatched(db.url, simulateHistory({ seed: 50, events: EVENTS, regions: 10 }));
  }, 300_000);

  afterAll(async () => {
    await child?.kill();
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it('ends equal to a clean rebuild, every event applied exactly once', async () => {
    console.log(`projector-crash: seed ${SEED} (CRASH_TEST_SEED=${SEED} replays it), ${EVENTS} events`);
    const random = randomFrom(SEED);
    const total = BigInt((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM event_store.events')).rows[0].n);
    const killedAt: bigint[] = [];

    // Kill at random points of the catch-up: once the applied count passes each target, after a
    // random extra delay so the kill lands anywhere in a batch (reading, computing, mid-transaction).
    const targets = [0.12, 0.3, 0.5, 0.7, 0.85].map((share) => BigInt(Math.round((share + (random() - 0.5) * 0.1) * Number(total))));
    for (const target of targets) {
      const running = (child = startProjector());
      await waitFor(`projector applying past ${target} of ${total} (seed ${SEED})`, async () => {
        if (!running.alive()) throw new Error(`projector exited: ${running.output()}`);
        return (await checkpoint()).events >= target;
      }, 120_000, 10);
      await new Promise((r) => setTimeout(r, random() * 100));
      await running.kill();
      killedAt.push((await checkpoint()).events);
    }
    // The last one runs until caught up, then stops on SIGTERM.
    const last = (child = startProjector());
    await waitFor(`projector catching up (seed ${SEED}): ${last.output()}`, async () => (await checkpoint()).events === total, 120_000, 100);
    last.child.kill('SIGTERM');
    expect(await last.exited).toEqual({ code: 0, signal: null });

    console.log(`projector-crash: seed ${SEED}: killed at ${killedAt.join(', ')} of ${total} events applied`);
    // Every kill hit a catch-up in progress: each one later than the one before, none after the end.
    expect(killedAt).toHaveLength(targets.length);
    killedAt.forEach((at, i) => {
      expect(at).toBeGreaterThanOrEqual(targets[i]);
      if (i > 0) expect(at).toBeGreaterThan(killedAt[i - 1]);
      expect(at).toBeLessThan(total);
    });

    expect((await checkpoint()).events).toBe(total);
    const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
    expect(BigInt(live.timeline.rows)).toBe(total);
    const clean = await rebuildReadModels({ store, pool, swap: false });
    expect(await readModelChecksums(pool, clean.shadow)).toEqual(live);
  }, 600_000);
});
