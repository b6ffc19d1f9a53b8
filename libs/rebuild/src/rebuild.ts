import type { Pool, PoolClient } from 'pg';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { RecommendationLoaders } from './bulk/recommendation-loaders';
import { TableLoader } from './bulk/table-loader';
import { writeCheckpoint } from '@app/read-models/projector/checkpoint';
import { emptyDirectory } from '@app/read-models/projector/directory';
import { createProjection, PROJECTED_METADATA_KEYS } from '@app/read-models/projector/projection';
import { ReadModelSink } from '@app/read-models/projector/sink';
import { READ_MODEL_SCHEMA, READ_MODEL_TABLES, readModelColumns, readModelDdlStatements, type DdlStatement, type ReadModelTable } from '@app/read-models/tables/schema';
import { swapIn } from './swap';
import { grantRuntimeSchema } from '@app/postgres';

export interface RebuildProgress {
  events: number;
  /** The log's head when the rebuild started; undefined for an empty log. */
  head: bigint | undefined;
  position: bigint | undefined;
  /** Share of the log done, estimated from positions (opaque but ordered and roughly proportional). */
  fraction: number;
  elapsedMs: number;
}

export interface RebuildOptions {
  store: EventStore;
  pool: Pool;
  /** The live schema to replace; the shadow is `<live>_next`. */
  schema?: string;
  batchSize?: number;
  /** Events of recommendation histories held in memory before rows are written out early. */
  historyCapacity?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Build the shadow but do not swap it in (for comparisons). */
  swap?: boolean;
}

/** Milliseconds per phase: replaying the log, writing the recommendations, indexing, swapping. */
export type RebuildPhases = Record<'replay' | 'recommendations' | 'indexes' | 'swap', number>;

export interface RebuildResult {
  events: number;
  position: bigint | undefined;
  ms: number;
  shadow: string;
  phases: RebuildPhases;
}

/** Recommendations computed between two writes: small, so the server starts storing early. */
const RECOMMENDATION_CHUNK = 100;

async function runAll(pool: Pool, statements: readonly DdlStatement[]): Promise<void> {
  for (const statement of statements) await pool.query(statement.sql);
}

/** Runs jobs `parallel` at a time, in order: index builds are CPU-bound on the server, and the machine may have two cores. */
async function inParallel(parallel: number, jobs: Array<() => Promise<void>>): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next();
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Statistics for the planner; the JSON documents have none (statistics target 0, read-models/tables/define.ts). */
async function analyze(pool: Pool, schema: string, table: ReadModelTable): Promise<void> {
  await pool.query(`ANALYZE "${schema}"."${table}"`);
}

/**
 * Replays the whole log into a fresh shadow schema with the live projector's own projection and
 * rows, then swaps it in (swap.ts). Readers keep the old tables until the swap. The shadow's
 * tables are filled by COPY streams (bulk/) that run on the server while this process computes,
 * and get their keys and indexes after the load.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { store, pool } = options;
  const live = options.schema ?? READ_MODEL_SCHEMA;
  const shadow = `${live}_next`;
  const batchSize = options.batchSize ?? 5000;
  const started = Date.now();

  await pool.query(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`);
  const ddl = readModelDdlStatements(shadow);
  for (const statement of ddl.filter((s) => s.kind === 'table' || s.kind === 'loadIndex')) await pool.query(statement.sql);
  // Keys and indexes come after the load: the timeline's first, the recommendation tables' last.
  const timelineKeysAndIndexes = ddl.filter((s) => (s.kind === 'key' || s.kind === 'index') && s.table === 'timeline');
  const recommendationKeys = ddl.filter((s) => s.kind === 'key' && s.table !== 'timeline');
  const recommendationIndexes = ddl.filter((s) => s.kind === 'index' && s.table !== 'timeline');

  const sink = new ReadModelSink(shadow);
  const projection = createProjection({ store, directory: emptyDirectory(), historyCapacity: options.historyCapacity ?? 4_000_000 });
  const head = await store.headPosition();
  let timeline: TableLoader | undefined;
  let recommendations: RecommendationLoaders | undefined;
  const client: PoolClient = await pool.connect();
  let events = 0;
  let position: bigint | undefined;
  let flushedEarly = false;
  let writing: Promise<void> = Promise.resolve();
  const phases: RebuildPhases = { replay: 0, recommendations: 0, indexes: 0, swap: 0 };
  let mark = Date.now();
  const lap = (phase: keyof RebuildPhases) => {
    phases[phase] = Date.now() - mark;
    mark = Date.now();
  };

  try {
    const timelineRows = (timeline = await TableLoader.open(pool.options, shadow, 'timeline', readModelColumns('timeline')));
    const handler = async (batch: RecordedEvent[]) => {
      const output = await projection.apply(batch);
      const early = projection.needsFlush ? projection.flush() : undefined;
      await timelineRows.write(output.timeline);
      await writing;
      writing = (async () => {
        await sink.writeDirectory(client, output.directory);
        if (early) {
          // Rows written early may be replaced later, which needs their keys.
          if (!flushedEarly) await runAll(pool, recommendationKeys);
          await sink.writeRecommendations(client, early);
          flushedEarly = true;
        }
      })();
      writing.catch(() => undefined); // awaited with the next batch or at the end
      events += batch.length;
      position = batch[batch.length - 1].position;
      options.onProgress?.({ events, head, position, fraction: fractionOf(position, head), elapsedMs: Date.now() - started });
    };
    const subscription = store.subscribe(handler, { batchSize, metadataKeys: PROJECTED_METADATA_KEYS });
    await subscription.caughtUp;
    await subscription.stop();
    await writing;
    await timelineRows.end();
    lap('replay');

    // The timeline is complete: its indexes build on the server while the recommendations' rows
    // are computed here. Each recommendation is written once, by COPY, unless memory ran short
    // during the replay and some were written early (then they are replaced row by row).
    const timelineIndexes = runAll(pool, timelineKeysAndIndexes).then(() => analyze(pool, shadow, 'timeline'));
    timelineIndexes.catch(() => undefined);
    if (!flushedEarly) recommendations = await RecommendationLoaders.open(pool.options, shadow);
    while (projection.dirtyCount > 0) {
      const chunk = projection.flush(RECOMMENDATION_CHUNK);
      if (recommendations) await recommendations.write(chunk);
      else await sink.writeRecommendations(client, chunk);
    }
    await recommendations?.end();
    await writeCheckpoint(client, shadow, { position, events: BigInt(events) });
    lap('recommendations');
    // Table by table: keys, indexes, then statistics (which would wait for an index build on the same table).
    const rest = [...(flushedEarly ? [] : recommendationKeys), ...recommendationIndexes];
    const tables = (Object.keys(READ_MODEL_TABLES) as ReadModelTable[]).filter((table) => table !== 'timeline');
    await inParallel(
      2,
      tables.map((table) => async () => {
        await runAll(pool, rest.filter((s) => s.table === table));
        await analyze(pool, shadow, table);
      }),
    );
    await timelineIndexes;
    lap('indexes');
  } catch (error) {
    await Promise.all([timeline?.abort(), recommendations?.abort()]);
    throw error;
  } finally {
    client.release();
  }
  // The running application's role reads and writes the new tables as it did the old ones.
  await grantRuntimeSchema(pool, shadow);
  if (options.swap !== false) await swapIn(pool, live, shadow);
  lap('swap');
  return { events, position, ms: Date.now() - started, shadow, phases };
}

function fractionOf(position: bigint | undefined, head: bigint | undefined): number {
  if (position === undefined || head === undefined || head <= 0n) return 1;
  return Math.min(1, Number(position) / Number(head));
}
