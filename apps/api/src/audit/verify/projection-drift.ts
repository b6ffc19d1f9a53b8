import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { CHECKPOINT, READ_MODEL_SCHEMA, READ_MODEL_TABLES, rebuildReadModels, type ReadModelTable } from '@app/projections';

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
  /** The live projector is behind the log (lag, not tampering): rows would differ for that reason alone. */
  | { status: 'behind'; ok: null; livePosition: string | null; replayedPosition: string | null };

export interface CompareOptions {
  pool: Pool;
  store: EventStore;
  /** Only rows of this region; left out: every row. */
  regionId?: string;
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

const keyColumns = (table: ReadModelTable) => READ_MODEL_TABLES[table].split(',').map((c) => c.trim());

/**
 * Compares the live read models with a fresh replay of the whole log: the projector's own rebuild
 * writes a scratch schema (never swapped in, dropped afterwards), then each table is compared row by
 * row in key order (as jsonb, so every column counts) and the first row that differs is named.
 * Tables are compared in READ_MODEL_TABLES' order; the checkpoint row is compared as positions.
 */
export async function compareProjections(options: CompareOptions): Promise<ProjectionReport> {
  const { pool, store } = options;
  const live = options.liveSchema ?? READ_MODEL_SCHEMA;
  const scratch = `audit_${randomBytes(6).toString('hex')}`;
  const result = await rebuildReadModels({ store, pool, schema: scratch, swap: false });
  const shadow = result.shadow;
  const replayedPosition = result.position?.toString() ?? null;
  try {
    let checkpoint = await liveCheckpoint(pool, live);
    if (!checkpoint.exists) return { status: 'not-maintained', ok: null, replayedPosition };
    const deadline = Date.now() + (options.waitMs ?? 5000);
    while (checkpoint.position !== replayedPosition && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      checkpoint = await liveCheckpoint(pool, live);
    }
    if (checkpoint.position !== replayedPosition) return { status: 'behind', ok: null, livePosition: checkpoint.position, replayedPosition };

    const tables: Record<string, number> = {};
    for (const table of Object.keys(READ_MODEL_TABLES) as ReadModelTable[]) {
      if (table === 'projection_checkpoints') continue;
      const key = `jsonb_build_array(${keyColumns(table).map((c) => `t.${c}`).join(', ')})`;
      const where = options.regionId !== undefined ? 'WHERE t.region_id = $1' : '';
      const values = options.regionId !== undefined ? [options.regionId] : [];
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
      if (rows.length > 0) return { status: 'drift', ok: false, position: replayedPosition, firstDrift: { table, key: rows[0].k, live: rows[0].live, replayed: rows[0].replayed }, tables };
    }
    return { status: 'match', ok: true, position: replayedPosition, tables };
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`);
  }
}
