/**
 * `npm run bench:append`: appends BENCH_EVENTS (default 100,000) events through the PostgreSQL event
 * store, (a) one writer, one event per append, (b) 16 concurrent writers, each over 1,000 streams,
 * and compares with plain batched multi-row INSERTs of the same rows in the same run.
 */
import { cpus } from 'node:os';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { commitFloor } from './support/commit-floor';
import { rawInsert } from './support/raw-insert';
import { freshDatabase } from './support/server';
import { plan, shares, type PlannedEvent } from './support/workload';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STREAMS = 1_000;
const CONCURRENT = 16;
/** The commit floor is measured on a sample: at disk speed it would otherwise double the run. */
const FLOOR_SAMPLE = Math.min(EVENTS, 5_000);

async function appendAll(store: PostgresEventStore, planned: PlannedEvent[], writers: number, label: string): Promise<number> {
  const started = performance.now();
  let done = 0;
  let reported = 0;
  await Promise.all(
    shares(planned, writers).map(async (share) => {
      for (const p of share) {
        await store.append(p.streamId, [p.event], { expectedRevision: 'any' });
        done += 1;
        if (done - reported >= planned.length / 10) {
          reported = done;
          console.log(`  ${label}: ${done}/${planned.length} (${Math.round(done / ((performance.now() - started) / 1000))} events/s)`);
        }
      }
    }),
  );
  return performance.now() - started;
}

interface Row {
  scenario: string;
  storeMs: number;
  rawMs: number;
  /** ms for FLOOR_SAMPLE one-row autocommit INSERTs. */
  floorMs: number;
}

async function main(): Promise<void> {
  if (!Number.isInteger(EVENTS) || EVENTS <= 0) throw new Error('BENCH_EVENTS must be a positive integer');
  const db = await freshDatabase();
  const rows: Row[] = [];
  try {
    await migrateEventStore(db.url);
    const store = new PostgresEventStore({ url: db.url, maxConnections: CONCURRENT + 2, notify: false });
    try {
      console.log(`Appending ${EVENTS} events to ${STREAMS} streams on ${db.server}`);
      const single = plan(EVENTS, STREAMS, 'single');
      const storeSingle = await appendAll(store, single, 1, 'single writer');
      const rawSingle = await rawInsert(db.url, plan(EVENTS, STREAMS, 'raw-single'), 1, 'bench_raw_single');
      const floorSingle = await commitFloor(db.url, plan(FLOOR_SAMPLE, STREAMS, 'floor-single'), 1, 'bench_floor_single');
      rows.push({ scenario: 'single writer, 1 event per append', storeMs: storeSingle, rawMs: rawSingle, floorMs: floorSingle });

      const concurrent = plan(EVENTS, STREAMS, 'concurrent');
      const storeConcurrent = await appendAll(store, concurrent, CONCURRENT, `${CONCURRENT} writers`);
      const rawConcurrent = await rawInsert(db.url, plan(EVENTS, STREAMS, 'raw-concurrent'), CONCURRENT, 'bench_raw_concurrent');
      const floorConcurrent = await commitFloor(db.url, plan(FLOOR_SAMPLE, STREAMS, 'floor-concurrent'), CONCURRENT, 'bench_floor_concurrent');
      rows.push({ scenario: `${CONCURRENT} concurrent writers, 1 event per append`, storeMs: storeConcurrent, rawMs: rawConcurrent, floorMs: floorConcurrent });

      const report = await store.verify();
      console.log(`verify: ${report.ok ? `ok, ${report.events} events in ${report.streams} streams` : 'BROKEN'}`);
    } finally {
      await store.close();
    }
  } finally {
    await db.close();
  }

  const rate = (ms: number, n = EVENTS) => Math.round(n / (ms / 1000));
  console.log(`\n${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${EVENTS} events`);
  console.log(`| scenario | event store events/s | raw batched INSERT events/s | store / raw | one-row autocommit INSERT events/s (${FLOOR_SAMPLE} rows) | store / that |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const floor = rate(r.floorMs, FLOOR_SAMPLE);
    console.log(
      `| ${r.scenario} | ${rate(r.storeMs)} (${(r.storeMs / 1000).toFixed(1)} s) | ${rate(r.rawMs)} (${(r.rawMs / 1000).toFixed(1)} s) | ${((r.rawMs / r.storeMs) * 100).toFixed(1)} % | ${floor} | ${((rate(r.storeMs) / floor) * 100).toFixed(0)} % |`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
