import type { Pool } from 'pg';
import type { ChainData, LogRead, ReadLogOptions, StreamSet } from '../event-store';
import type { Queryable } from './queryable';
import { cursorOf, VISIBLE } from './read-all';
import { EVENT_COLUMNS, EVENT_COLUMNS_WITH_HASH, toRecordedEvent, type EventRowWithHash } from './rows';
import { EVENTS, STREAMS } from './schema';

/** The SQL condition for a stream set; pushes its parameters onto `values`. */
function inSet(set: StreamSet, values: unknown[]): string {
  if ('streamIds' in set) {
    values.push([...set.streamIds]);
    return `e.stream_id = ANY($${values.length}::text[])`;
  }
  values.push(set.key, set.value);
  return `e.stream_id IN (SELECT s.stream_id FROM ${EVENTS} s WHERE s.revision = 0 AND s.data->>$${values.length - 1} = $${values.length})`;
}

/**
 * One query for the set's streams in the store's global order (transaction id, position) below the
 * visibility horizon, hashes included when asked: a region of 14,000 events in a log of 100,000
 * reads in a fraction of the time a walk over readAll takes.
 */
export async function readLog(db: Queryable, options: ReadLogOptions): Promise<LogRead> {
  const values: unknown[] = [];
  const where = [VISIBLE, inSet(options.streams, values)];
  if (options.toPosition !== undefined) {
    const cursor = (await cursorOf(db, options.toPosition))!;
    values.push(cursor.transactionId, cursor.position);
    where.push(`(e.transaction_id, e.position) <= ($${values.length - 1}::xid8, $${values.length}::bigint)`);
  }
  if (options.recordedBefore !== undefined) {
    values.push(options.recordedBefore);
    where.push(`e.recorded_at < $${values.length}`);
  }
  const { rows } = await db.query<EventRowWithHash>(
    `SELECT ${options.withHashes ? EVENT_COLUMNS_WITH_HASH : EVENT_COLUMNS} FROM ${EVENTS} e WHERE ${where.join(' AND ')}
      ORDER BY e.transaction_id, e.position`,
    values,
  );
  return {
    events: rows.map(toRecordedEvent),
    hashes: options.withHashes ? new Map(rows.map((r) => [r.event_id, r.hash.toString('hex')])) : new Map(),
  };
}

/** Events, stored hashes and the `streams` table's heads of a set, in one REPEATABLE READ snapshot. */
export async function readChains(pool: Pool, set: StreamSet): Promise<ChainData> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const values: unknown[] = [];
    const { rows } = await client.query<EventRowWithHash>(
      `SELECT ${EVENT_COLUMNS_WITH_HASH} FROM ${EVENTS} e WHERE ${inSet(set, values)} ORDER BY e.stream_id, e.revision`,
      values,
    );
    const streams = [...new Set(rows.map((r) => r.stream_id))];
    const heads = await client.query<{ stream_id: string; revision: string; head_hash: Buffer }>(
      `SELECT stream_id, revision::text AS revision, head_hash FROM ${STREAMS} WHERE stream_id = ANY($1::text[])`,
      [streams],
    );
    await client.query('COMMIT');
    return {
      events: rows.map(toRecordedEvent),
      hashes: new Map(rows.map((r) => [r.event_id, r.hash.toString('hex')])),
      heads: new Map(heads.rows.map((h) => [h.stream_id, { revision: BigInt(h.revision), hash: h.head_hash.toString('hex') }])),
      kept: true,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
