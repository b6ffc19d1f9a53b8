import type { ClientBase } from 'pg';
import type { Queryable } from './queryable';
import type { CommitteeRow, ConferenceRow, RegionRow } from '../tables/entities';
import { emptyDirectory, type Directory } from './directory';

/** The read models' one checkpoint: they are written together, so they advance together. */
export const CHECKPOINT = 'read_models';

export interface Checkpoint {
  /** Exclusive: the last event applied; undefined before the first. */
  position: bigint | undefined;
  /** Events applied so far: equal to the log's length when caught up, exactly once each. */
  events: bigint;
}

const toCheckpoint = (row: { position: string | null; events: string }): Checkpoint => ({
  position: row.position === null ? undefined : BigInt(row.position),
  events: BigInt(row.events),
});

export async function readCheckpoint(db: Queryable, schema: string): Promise<Checkpoint> {
  await db.query(`INSERT INTO "${schema}".projection_checkpoints (name, position, events) VALUES ($1, NULL, 0) ON CONFLICT (name) DO NOTHING`, [CHECKPOINT]);
  const { rows } = await db.query<{ position: string | null; events: string }>(
    `SELECT position::text AS position, events::text AS events FROM "${schema}".projection_checkpoints WHERE name = $1`,
    [CHECKPOINT],
  );
  return toCheckpoint(rows[0]);
}

/** Inside the batch transaction: locks the checkpoint row so two projectors never apply the same batch. */
export async function lockCheckpoint(db: ClientBase, schema: string): Promise<Checkpoint> {
  const { rows } = await db.query<{ position: string | null; events: string }>(
    `SELECT position::text AS position, events::text AS events FROM "${schema}".projection_checkpoints WHERE name = $1 FOR UPDATE`,
    [CHECKPOINT],
  );
  if (rows.length === 0) throw new CheckpointMovedError(undefined, undefined);
  return toCheckpoint(rows[0]);
}

export async function writeCheckpoint(db: Queryable, schema: string, checkpoint: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO "${schema}".projection_checkpoints (name, position, events) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, events = EXCLUDED.events`,
    [CHECKPOINT, checkpoint.position?.toString() ?? null, checkpoint.events.toString()],
  );
}

/** Another writer (a second projector, or a rebuild swapped in) moved the checkpoint: start again from the stored one. */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
  constructor(
    readonly expected: bigint | undefined,
    readonly found: bigint | undefined,
  ) {
    super(`Projection checkpoint moved: expected ${String(expected)}, found ${String(found)}`);
  }
}

export async function loadDirectory(db: Queryable, schema: string): Promise<Directory> {
  const directory = emptyDirectory();
  const dates = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${column}`;
  const regions = await db.query<RegionRow>(`SELECT region_id, name, ${dates('contract_signed_on')} FROM "${schema}".regions`);
  for (const r of regions.rows) directory.regions.set(r.region_id, r);
  const conferences = await db.query<ConferenceRow>(
    `SELECT conference_id, region_id, number, kind, label, title, motto, ${dates('date')}, ${dates('held_on')}, topics FROM "${schema}".conferences`,
  );
  for (const c of conferences.rows) directory.conferences.set(c.conference_id, c);
  const committees = await db.query<CommitteeRow>(
    `SELECT committee_id, region_id, name, short_name, kind, fields_of_action, ${dates('dissolved_on')}, successor_committee_id FROM "${schema}".committees`,
  );
  for (const c of committees.rows) directory.committees.set(c.committee_id, c);
  return directory;
}
