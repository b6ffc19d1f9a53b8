/**
 * `npm run bench:verify`: writes BENCH_EVENTS (default 100,000) correctly chained events over
 * BENCH_STREAMS streams (default 10,000) straight into the event store's tables, then times
 * `PostgresEventStore.verify()` (BENCH_ROUNDS times, default 3) beside a plain scan of the same
 * table, `SELECT count(*), sum(length(data::text))`, as the reference for reading every row once.
 */
import { cpus } from 'node:os';
import { Pool } from 'pg';
import { chainHash } from '@app/event-store';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { freshDatabase } from './support/server';
import { plan } from './support/workload';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = 5_000;

/** Seeding through append would take minutes; the rows are hashed exactly as append hashes them. */
async function seed(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const heads = new Map<string, { revision: number; hash: Buffer; at: Date }>();
    const base = Date.UTC(2026, 0, 1);
    const rows = plan(EVENTS, STREAMS, 'verify').map((p, i) => {
      const previous = heads.get(p.streamId);
      const revision = previous ? previous.revision + 1 : 0;
      const recordedAt = new Date(base + i);
      const hash = chainHash(previous?.hash ?? Buffer.alloc(0), {
        streamId: p.streamId,
        revision: BigInt(revision),
        eventId: p.event.id,
        type: p.event.type,
        data: p.event.data,
        metadata: p.event.metadata ?? {},
        recordedAt,
      });
      heads.set(p.streamId, { revision, hash, at: recordedAt });
      return { ...p, revision, recordedAt, hash };
    });
    for (let i = 0; i < rows.length; i += BATCH) {
      const b = rows.slice(i, i + BATCH);
      await pool.query(
        `INSERT INTO event_store.events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[], $8::bytea[])`,
        [
          b.map((r) => r.event.id),
          b.map((r) => r.streamId),
          b.map((r) => r.revision),
          b.map((r) => r.event.type),
          b.map((r) => JSON.stringify(r.event.data)),
          b.map((r) => JSON.stringify(r.event.metadata ?? {})),
          b.map((r) => r.recordedAt),
          b.map((r) => r.hash),
        ],
      );
    }
    const all = [...heads];
    for (let i = 0; i < all.length; i += BATCH) {
      const b = all.slice(i, i + BATCH);
      await pool.query(
        `INSERT INTO event_store.streams (stream_id, revision, head_hash, last_recorded_at)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::timestamptz[])`,
        [b.map(([s]) => s), b.map(([, h]) => h.revision), b.map(([, h]) => h.hash), b.map(([, h]) => h.at)],
      );
    }
    await pool.query('VACUUM ANALYZE event_store.events');
    await pool.query('VACUUM ANALYZE event_store.streams');
  } finally {
    await pool.end();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function main(): Promise<void> {
  if (!Number.isInteger(EVENTS) || EVENTS <= 0 || !Number.isInteger(STREAMS) || STREAMS <= 0) throw new Error('BENCH_EVENTS and BENCH_STREAMS must be positive integers');
  const db = await freshDatabase();
  const verifyMs: number[] = [];
  const scanMs: number[] = [];
  try {
    await migrateEventStore(db.url);
    console.log(`Seeding ${EVENTS} events over ${STREAMS} streams on ${db.server}`);
    await seed(db.url);
    const store = new PostgresEventStore({ url: db.url, maxConnections: 2, notify: false });
    const pool = new Pool({ connectionString: db.url, max: 1 });
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const scan = await timed(() => pool.query<{ n: string; bytes: string }>('SELECT count(*) AS n, sum(length(data::text)) AS bytes FROM event_store.events'));
        scanMs.push(scan.ms);
        const verify = await timed(() => store.verify());
        verifyMs.push(verify.ms);
        const r = verify.result;
        if (!r.ok || r.events !== EVENTS || r.streams !== STREAMS) throw new Error(`verify did not pass the seeded log: ${JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
        console.log(`  round ${round}: verify ${(verify.ms / 1000).toFixed(2)} s (ok, ${r.events} events, ${r.streams} streams), scan ${(scan.ms / 1000).toFixed(2)} s (${scan.result.rows[0].n} rows)`);
      }
    } finally {
      await pool.end();
      await store.close();
    }
  } finally {
    await db.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const v = median(verifyMs);
  const s = median(scanMs);
  console.log(`\n${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${EVENTS} events, ${STREAMS} streams, median of ${ROUNDS}`);
  console.log('| what | s | events/s |');
  console.log('|---|---:|---:|');
  console.log(`| verify() | ${(v / 1000).toFixed(2)} | ${Math.round(EVENTS / (v / 1000))} |`);
  console.log(`| SELECT count(*), sum(length(data::text)) | ${(s / 1000).toFixed(2)} | ${Math.round(EVENTS / (s / 1000))} |`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
