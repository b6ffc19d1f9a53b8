import { UnknownPositionError } from '../errors';
import type { RecordedEvent } from '../event-store';
import type { Queryable } from './queryable';
import { eventRowReader, type EventRow, type EventRowReader } from './rows';
import { EVENTS } from './schema';

/**
 * Global order. Identity values are handed out when a row is inserted, not when its transaction
 * commits, so a reader that saw position 12 may later find an 11 that committed late; a cursor on
 * `position` would skip it. Instead every event carries its transaction id and readers see only
 * events of transactions below a horizon: the oldest transaction still running in the statement's
 * snapshot, ordered by (transaction_id, position). Everything below the horizon has finished, and
 * any transaction that writes later gets a larger id, so nothing can appear behind a cursor.
 *
 * The horizon ignores transactions that pg_stat_activity shows running in another database: they
 * cannot write our events table, and plain `pg_snapshot_xmin` is cluster-wide, so one long
 * transaction anywhere on a shared server would hold every reader back. An xid not (or no longer)
 * listed counts as possibly ours, which keeps the race between snapshot and pg_stat_activity safe.
 * The price that remains: an open transaction in this database that has written anything holds
 * readAll/subscribe back until it ends (readStream is not affected). `position` stays the identity
 * value for callers; the cursor looks up its transaction id.
 */
export interface Cursor {
  transactionId: string;
  position: string;
}

const HORIZON = `(
  SELECT coalesce(
    (SELECT min(x) FROM pg_snapshot_xip(snap) AS x
      WHERE NOT EXISTS (
        SELECT 1 FROM pg_stat_activity a
         WHERE a.backend_xid = xid(x)
           AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))),
    pg_snapshot_xmax(snap))
  FROM pg_current_snapshot() AS snap)`;

export const VISIBLE = `transaction_id < ${HORIZON}`;

/** The cursor of an exclusive checkpoint position; undefined means from the beginning. */
export async function cursorOf(db: Queryable, position: bigint | undefined): Promise<Cursor | undefined> {
  if (position === undefined) return undefined;
  const { rows } = await db.query<{ transaction_id: string }>(
    `SELECT transaction_id::text AS transaction_id FROM ${EVENTS} WHERE position = $1`,
    [position.toString()],
  );
  if (rows.length === 0) throw new UnknownPositionError(position);
  return { transactionId: rows[0].transaction_id, position: position.toString() };
}

export interface Page {
  events: RecordedEvent[];
  /** Cursor after the last event of the page (unchanged when it is empty). */
  cursor: Cursor | undefined;
}

const ALL_METADATA = eventRowReader();

export interface PageOptions {
  streamPrefixes?: string[];
  /** Columns and row conversion (rows.ts); all metadata when left out. Made once per subscription. */
  reader?: EventRowReader;
}

export async function readPage(db: Queryable, after: Cursor | undefined, limit: number, options: PageOptions = {}): Promise<Page> {
  const { streamPrefixes, reader = ALL_METADATA } = options;
  const where = [VISIBLE];
  const values: unknown[] = [];
  if (after) {
    values.push(after.transactionId, after.position);
    where.push(`(transaction_id, position) > ($1::xid8, $2::bigint)`);
  }
  if (streamPrefixes) {
    values.push(streamPrefixes.map((p) => `${p.replace(/[\\%_]/g, '\\$&')}%`));
    where.push(`stream_id LIKE ANY($${values.length}::text[])`);
  }
  values.push(limit);
  const { rows } = await db.query<EventRow>(
    `SELECT ${reader.columns} FROM ${EVENTS} e WHERE ${where.join(' AND ')}
      ORDER BY e.transaction_id, e.position LIMIT $${values.length}`,
    values,
  );
  const last = rows[rows.length - 1];
  return {
    events: rows.map((row) => reader.toRecordedEvent(row)),
    cursor: last ? { transactionId: last.transaction_id, position: last.position } : after,
  };
}

/** Newest visible event in global order: what a caught-up subscriber has last seen. */
export async function headPosition(db: Queryable): Promise<bigint | undefined> {
  const { rows } = await db.query<{ position: string }>(
    `SELECT position::text AS position FROM ${EVENTS} e WHERE ${VISIBLE} ORDER BY e.transaction_id DESC, e.position DESC LIMIT 1`,
  );
  return rows.length ? BigInt(rows[0].position) : undefined;
}
