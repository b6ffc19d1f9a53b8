import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { appendBatched, migrateReadModels, READ_MODEL_SCHEMA, readCheckpoint, readModelChecksums, rebuildReadModels, simulateHistory } from '@app/projections';
import { createTestDatabase, type TestDatabase } from '@app/testing';

/**
 * Crash safety of the projector process: during a 50,000-event catch-up it is killed with SIGKILL
 * at random moments (mid-batch, mid-transaction, whatever it is doing), started again, and in the
 * end its read models must equal a clean rebuild row for row, with every event applied exactly once.
 */
// jest runs from the repository root (and in ESM mode, where __dirname does not exist).
const ROOT = process.cwd();
/** The build is copied away: other suites may rebuild dist/ (and delete it first) while this one runs. */
const BUILD = mkdtempSync(join(tmpdir(), 'projector-crash-'));
const MAIN = join(BUILD, 'apps', 'projector', 'src', 'main.js');
const EVENTS = Number(process.env.CRASH_TEST_EVENTS ?? 50_000);

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
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let child: ChildProcess | undefined;
  const output: string[] = [];

  function startProjector(): ChildProcess {
    const process_ = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url, PROJECTOR: 'off', LOG_LEVEL: 'warn', NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    process_.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    process_.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return process_;
  }

  const exited = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));

  beforeAll(async () => {
    // The projector runs as a real process from the compiled output.
    execFileSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'pipe' });
    cpSync(join(ROOT, 'dist'), BUILD, { recursive: true });
    expect(existsSync(MAIN)).toBe(true);
    db = await createTestDatabase('projector_crash');
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    store = new PostgresEventStore({ url: db.url, maxConnections: 4, notify: false });
    pool = new Pool({ connectionString: db.url, max: 4 });
    await appendBatched(db.url, simulateHistory({ seed: 50, events: EVENTS, regions: 10 }));
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await store?.close();
    await pool?.end();
    await db?.drop();
    rmSync(BUILD, { recursive: true, force: true });
  });

  it('ends equal to a clean rebuild, every event applied exactly once', async () => {
    const seed = Number(process.env.CRASH_TEST_SEED ?? Date.now() % 100_000);
    const random = randomFrom(seed);
    const total = (await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM event_store.events')).rows[0].n;
    const positions: (bigint | undefined)[] = [];
    let kills = 0;

    // Kill at random points of the catch-up: once the applied count passes each target, after a
    // random extra delay so the kill lands anywhere in a batch (reading, computing, mid-transaction).
    const targets = [0.12, 0.3, 0.5, 0.7, 0.88].map((share) => BigInt(Math.round((share + (random() - 0.5) * 0.1) * Number(total))));
    for (const target of targets) {
      child = startProjector();
      const until = Date.now() + 60_000;
      while ((await readCheckpoint(pool, READ_MODEL_SCHEMA)).events < target) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`no progress to ${target} (seed ${seed}): ${output.join('').slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, random() * 300));
      child.kill('SIGKILL');
      await exited(child);
      kills++;
      positions.push((await readCheckpoint(pool, READ_MODEL_SCHEMA)).position);
    }
    child = startProjector();
    // The last one runs until caught up, then stops on SIGTERM.
    const until = Date.now() + 60_000;
    // The visible head can trail while other transactions on the server run: read it each time.
    while ((await readCheckpoint(pool, READ_MODEL_SCHEMA)).position !== (await store.headPosition())) {
      if (Date.now() > until) throw new Error(`projector did not catch up (seed ${seed}): ${output.join('').slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGTERM');
    await exited(child);

    console.log(`seed ${seed}: ${kills} kills at checkpoints ${positions.map((p) => p?.toString() ?? '–').join(', ')}`);
    expect(kills).toBeGreaterThanOrEqual(3);

    const checkpoint = await readCheckpoint(pool, READ_MODEL_SCHEMA);
    expect(checkpoint.events.toString()).toBe(total);
    const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
    expect(live.timeline.rows).toBe(Number(total));
    const clean = await rebuildReadModels({ store, pool, swap: false });
    expect(await readModelChecksums(pool, clean.shadow)).toEqual(live);
  }, 240_000);
});
