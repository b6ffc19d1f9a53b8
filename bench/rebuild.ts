/**
 * `npm run bench:rebuild`: generates BENCH_EVENTS (default 1,000,000) valid events over 10 regions
 * through the event store, then in the same run measures (a) a plain SELECT scan of all events,
 * (b) a full rebuild of the read models, and (c) the dashboard queries on the rebuilt data: the
 * recommendation list of a region and the figures of one conference cohort. Scan and rebuild are
 * measured BENCH_REPEAT times (default 3) and the median pair is reported.
 */
import { cpus, totalmem } from 'node:os';
import { Pool } from 'pg';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { figures, type RecommendationFacts } from '@app/figures';
import { factsAsOf, migrateReadModels } from '@app/read-models';
import { rebuildReadModels, type RebuildResult } from '@app/rebuild';
import { appendBatched, simulateHistory } from '@app/testing/simulation';
import { freshDatabase } from './support/server';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 200);
/** Scan and rebuild are measured this many times on the same log; the figures vary by 20 % between runs on a shared machine. */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const PAGE = 5000;

const rate = (events: number, ms: number) => Math.round(events / (ms / 1000));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** The events as a reader gets them with nothing else to do: keyset pages, rows parsed by the driver. */
async function plainScan(pool: Pool): Promise<{ events: number; ms: number }> {
  const started = performance.now();
  let after = '0';
  let events = 0;
  for (;;) {
    const { rows } = await pool.query<{ at: string }>(
      `SELECT position::text AS at, event_id, stream_id, revision, type, data, metadata, recorded_at
         FROM event_store.events WHERE position > $1 ORDER BY position LIMIT ${PAGE}`,
      [after],
    );
    if (rows.length === 0) break;
    events += rows.length;
    after = rows[rows.length - 1].at;
  }
  return { events, ms: performance.now() - started };
}

async function timeQuery(runs: number, query: () => Promise<unknown>): Promise<{ median: number; p99: number }> {
  for (let i = 0; i < 5; i++) await query(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await query();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p99: percentile(times, 99) };
}

async function main(): Promise<void> {
  if (!Number.isInteger(EVENTS) || EVENTS <= 0) throw new Error('BENCH_EVENTS must be a positive integer');
  if (!Number.isInteger(REPEAT) || REPEAT <= 0) throw new Error('BENCH_REPEAT must be a positive integer');
  const db = await freshDatabase();
  try {
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    const store = new PostgresEventStore({ url: db.url, maxConnections: 4, notify: false });
    const pool = new Pool({ connectionString: db.url, max: 4 });
    try {
      console.log(`Generating ${EVENTS} events (10 regions) on ${db.server} …`);
      const genStarted = performance.now();
      let reported = 0;
      // Generating the log is not what is measured: loaded in batches, commits not waiting for the disk.
      const appended = await appendBatched(db.url, simulateHistory({ seed: 2026, events: EVENTS, regions: 10 }), {
        onAppended: (n) => {
          if (n - reported >= EVENTS / 10 || n >= EVENTS) {
            reported = n;
            console.log(`  ${n} events appended (${rate(n, performance.now() - genStarted)} events/s)`);
          }
        },
      });
      await pool.query('VACUUM ANALYZE event_store.events');
      const mix = await pool.query<{ type: string; n: string }>(`SELECT type, count(*)::text AS n FROM event_store.events GROUP BY type ORDER BY count(*) DESC`);
      console.log(`Appended ${appended} events; mix: ${mix.rows.map((r) => `${r.type} ${r.n}`).join(', ')}`);

      // Warm the cache once so scan and rebuild both read from memory, then measure each, in pairs:
      // a scan, then a rebuild (the second and later ones replace a full read model, as in operation).
      await plainScan(pool);
      const pairs: { scan: { events: number; ms: number }; rebuild: RebuildResult; ratio: number }[] = [];
      for (let run = 1; run <= REPEAT; run++) {
        const scan = await plainScan(pool);
        console.log(`Run ${run}/${REPEAT}: plain SELECT scan: ${scan.events} events in ${(scan.ms / 1000).toFixed(1)} s = ${rate(scan.events, scan.ms)} events/s`);
        let lastLog = 0;
        const rebuild = await rebuildReadModels({
          store,
          pool,
          onProgress: (p) => {
            if (p.elapsedMs - lastLog >= 5000) {
              lastLog = p.elapsedMs;
              console.log(`  rebuild: ${p.events} events, ${rate(p.events, p.elapsedMs)} events/s`);
            }
          },
        });
        const ratio = rebuild.ms / scan.ms;
        console.log(`Run ${run}/${REPEAT}: rebuild: ${rebuild.events} events in ${(rebuild.ms / 1000).toFixed(1)} s = ${rate(rebuild.events, rebuild.ms)} events/s`);
        console.log(`  phases (ms): ${Object.entries(rebuild.phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
        console.log(`  rebuild / scan time ratio: ${ratio.toFixed(2)} (target ≤ 5)`);
        pairs.push({ scan, rebuild, ratio });
      }
      const { scan, rebuild, ratio } = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor((pairs.length - 1) / 2)];
      console.log(`Median of ${REPEAT} runs: rebuild / scan time ratio ${ratio.toFixed(2)} (all: ${pairs.map((p) => p.ratio.toFixed(2)).join(', ')})`);

      const counts = await pool.query<{ t: string; n: string }>(
        `SELECT 'recommendations' AS t, count(*)::text AS n FROM read_model.recommendations UNION ALL
         SELECT 'assignments', count(*)::text FROM read_model.assignments UNION ALL
         SELECT 'timeline', count(*)::text FROM read_model.timeline`,
      );
      console.log(`Read models: ${counts.rows.map((r) => `${r.t} ${r.n}`).join(', ')}`);

      // The busiest region and its largest conference cohort.
      const { rows: [cohort] } = await pool.query<{ region_id: string; conference_id: string; n: string }>(
        `SELECT region_id, conference_id, count(*)::text AS n FROM read_model.recommendation_facts
          GROUP BY region_id, conference_id ORDER BY count(*) DESC LIMIT 1`,
      );
      const today = new Date().toISOString().slice(0, 10);
      const list = await timeQuery(QUERY_RUNS, () =>
        pool.query(
          `SELECT r.recommendation_id, r.reference, r.title, r.lifecycle_state, r.adopted_on, r.next_due_on,
                  (r.next_due_on < $2) AS overdue, c.label AS conference
             FROM read_model.recommendations r JOIN read_model.conferences c USING (conference_id)
            WHERE r.region_id = $1 ORDER BY r.adopted_on DESC, r.reference LIMIT 50`,
          [cohort.region_id, today],
        ),
      );
      const figureRuns = await timeQuery(QUERY_RUNS, async () => {
        const { rows } = await pool.query<{ facts: RecommendationFacts }>(
          `SELECT facts FROM read_model.recommendation_facts WHERE region_id = $1 AND conference_id = $2`,
          [cohort.region_id, cohort.conference_id],
        );
        return figures(rows.map((r) => factsAsOf(r.facts, today)), { asOf: today });
      });
      console.log(`Recommendation list (50 of a region): median ${list.median.toFixed(2)} ms, p99 ${list.p99.toFixed(2)} ms`);
      console.log(`Figures of one cohort (${cohort.n} recommendations): median ${figureRuns.median.toFixed(2)} ms, p99 ${figureRuns.p99.toFixed(2)} ms`);

      console.log('\nMarkdown row for docs/benchmarks.md:');
      console.log(
        `| ${new Date().toISOString().slice(0, 10)} | ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB | ${appended} | ${rate(scan.events, scan.ms)} | ${rate(rebuild.events, rebuild.ms)} | ${ratio.toFixed(2)} | ${list.median.toFixed(1)} / ${list.p99.toFixed(1)} | ${figureRuns.median.toFixed(1)} / ${figureRuns.p99.toFixed(1)} (${cohort.n} recs) |`,
      );
    } finally {
      await pool.end();
      await store.close();
    }
  } finally {
    await db.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
