import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { UnknownPositionError, type EventStore, type RecordedEvent } from '@app/event-store';
import { CHECKPOINT, READ_MODEL_SCHEMA, READ_MODEL_TABLES, type ReadModelTable } from '@app/read-models';
import { rebuildReadModels } from '@app/rebuild';
import { replaySource } from './replay-source';

export interface DriftingRow {
  table: ReadModelTable;
  /** The row's key (its primary key columns, as an array). */
  key: unknown[];
  /** The row as the live read model holds it, and as a fresh replay of the log builds it (null: no such row). */
  live: Record<string, unknown> | null;
  replayed: Record<string, unknown> | null;
}

export type ProjectionReport =
  | { status: 'match'; ok: true; position: string | null; tables: Record<string, number> }
  | { status: 'drift'; ok: false; position: string | null; firstDrift: DriftingRow; tables: Record<string, number> }
  /** The live read models have never been written (no projector ran): nothing to compare, nothing served from them. */
  | { status: 'not-maintained'; ok: null; replayedPosition: string | null }
  /** The live projector is not at the replayed position (lag, not tampering): rows would differ for that reason alone. */
  | { status: 'behind'; ok: null; livePosition: string | null; replayedPosition: string | null }
  /** The event the live projector applied last is no longer in the log: removed after it was applied (tampering, not lag). */
  | { status: 'lost'; ok: false; livePosition: string };

export interface CompareOptions {
  pool: Pool;
  store: EventStore;
  /**
   * Only this region's rows, replayed from only its events: `eventsUpTo(head)` gives the region's
   * events in global order through the log's head `head`. Left out: every row, from the whole log.
   */
  region?: { regionId: string; eventsUpTo(head: bigint | undefined): Promise<readonly RecordedEvent[]> };
  liveSchema?: string;
  /** How long to wait for a lagging live projector to reach the replay's position. */
  waitMs?: number;
}

async function liveCheckpoint(pool: Pool, schema: string): Promise<{ exists: boolean; position: string | null }> {
  const table = await pool.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [`"${schema}".projection_checkpoints`]);
  if (!table.rows[0].t) return { exists: false, position: null };
  const { rows } = await pool.query<{ position: string | null }>(`SELECT position::text AS position FROM "${schema}".projection_checkpoints WHERE name = $1`, [CHECKPOINT]);
  return { exists: rows.length > 0 && rows[0].position !== null, position: rows[0]?.position ?? null };
}

/**
 * The live checkpoint names an event the log no longer holds: the store refuses it as a checkpoint
 * (UnknownPositionError, a rule of the port both adapters keep). Positions are unique and never
 * reused, so a missing one was removed.
 */
async function appliedEventLost(store: EventStore, position: string | null): Promise<boolean> {
  if (position === null) return false;
  try {
    await store.readAll({ fromPosition: BigInt(position), limit: 1 });
    return false;
  } catch (error) {
    if (error instanceof UnknownPositionError) return true;
    throw error;
  }
}

const keyColumns = (table: ReadModelTable) => READ_MODEL_TABLES[table].split(',').map((c) => c.trim());

/** Waits (polling) until the live checkpoint stands at `position`; false if it does not within `ms`. */
async function liveReaches(pool: Pool, schema: string, position: string | null, ms: number): Promise<{ reached: boolean; live: string | null }> {
  const deadline = Date.now() + ms;
  let live = (await liveCheckpoint(pool, schema)).position;
  while (live !== position && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    live = (await liveCheckpoint(pool, schema)).position;
  }
  return { reached: live === position, live };
}

/** Row by row, in key order, as jsonb (every column counts); the first row that differs, or the row counts. */
async function compareTables(pool: Pool, live: string, shadow: string, regionId: string | undefined): Promise<{ drift?: DriftingRow; tables: Record<string, number> }> {
  const tables: Record<string, number> = {};
  for (const table of Object.keys(READ_MODEL_TABLES) as ReadModelTable[]) {
    if (table === 'projection_checkpoints') continue;
    const key = `jsonb_build_array(${keyColumns(table).map((c) => `t.${c}`).join(', ')})`;
    const where = regionId !== undefined ? 'WHERE t.region_id = $1' : '';
    const values = regionId !== undefined ? [regionId] : [];
    const side = (schema: string) => `SELECT ${key} AS k, to_jsonb(t) AS row FROM "${schema}"."${table}" t ${where}`;
    const { rows } = await pool.query<{ k: unknown[]; live: Record<string, unknown> | null; replayed: Record<string, unknown> | null }>(
      `SELECT coalesce(l.k, r.k) AS k, l.row AS live, r.row AS replayed
         FROM (${side(live)}) l FULL JOIN (${side(shadow)}) r ON l.k = r.k
        WHERE l.row IS DISTINCT FROM r.row
        ORDER BY coalesce(l.k, r.k) LIMIT 1`,
      values,
    );
    const count = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${live}"."${table}" t ${where}`, values);
    tables[table] = Number(count.rows[0].n);
    if (rows.length > 0) return { drift: { table, key: rows[0].k, live: rows[0].live, replayed: rows[0].replayed }, tables };
  }
  return { tables };
}

/**
 * Compares the live read models with a fresh replay: the projector's own rebuild writes a scratch
 * schema (never swapped in, dropped afterwards), then each table is compared with the live one and
 * the first row that differs is named. The live checkpoint must stand where the replay stopped;
 * if appends move the head meanwhile, the comparison starts again (three attempts), and a live
 * projector that does not get there is reported as behind, not as drift.
 */
export async function compareProjections(options: CompareOptions): Promise<ProjectionReport> {
  const { pool, store, region } = options;
  const live = options.liveSchema ?? READ_MODEL_SCHEMA;
  const waitMs = options.waitMs ?? 5000;
  let last: { live: string | null; replayed: string | null } = { live: null, replayed: null };
  const lost = async (position: string | null): Promise<ProjectionReport | undefined> =>
    (await appliedEventLost(store, position)) ? { status: 'lost', ok: false, livePosition: position! } : undefined;
  const before = await lost((await liveCheckpoint(pool, live)).position);
  if (before) return before;
  for (let attempt = 0; attempt < 3; attempt++) {
    const head = await store.headPosition();
    const source = region ? replaySource(store, await region.eventsUpTo(head)) : store;
    const result = await rebuildReadModels({ store: source, pool, schema: `audit_${randomBytes(6).toString('hex')}`, swap: false });
    try {
      // A region's replay stops at its own last event; the live checkpoint is global, so it is held to the log's head.
      const replayed = (region ? head : result.position)?.toString() ?? null;
      if (!(await liveCheckpoint(pool, live)).exists) return { status: 'not-maintained', ok: null, replayedPosition: replayed };
      const { reached, live: livePosition } = await liveReaches(pool, live, replayed, waitMs);
      last = { live: livePosition, replayed };
      if (!reached) continue;
      const { drift, tables } = await compareTables(pool, live, result.shadow, region?.regionId);
      return drift ? { status: 'drift', ok: false, position: replayed, firstDrift: drift, tables } : { status: 'match', ok: true, position: replayed, tables };
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${result.shadow}" CASCADE`);
    }
  }
  // A checkpoint that never reached the head may stand on an event removed meanwhile: that is no lag.
  return (await lost(last.live)) ?? { status: 'behind', ok: null, livePosition: last.live, replayedPosition: last.replayed };
}
