import type { ReadStreamOptions, RecordedEvent } from '../event-store';
import type { Queryable } from './queryable';
import type { StreamHead } from './prepare';
import { EVENT_COLUMNS, EVENT_COLUMNS_WITH_HASH, toRecordedEvent, type EventRow, type EventRowWithHash } from './rows';
import { EVENTS, STREAMS } from './schema';

/**
 * One stream in revision order. No snapshot filter here: a writer must read its own commits at once.
 * A read forwards to the end (the whole stream, or its tail after a revision the reader already
 * holds) ends at its head: `onHead` then gets the head (revision, chain hash, record time) when the
 * read returned events, so a command that loads a stream and appends to it can append in one statement.
 */
export async function readStream(
  db: Queryable,
  streamId: string,
  options: ReadStreamOptions = {},
  onHead?: (head: StreamHead) => void,
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const toEnd = !backwards && options.toRevision === undefined && options.recordedBefore === undefined && options.maxCount === undefined;
  const where = ['stream_id = $1'];
  const values: unknown[] = [streamId];
  const bound = (op: string, value: unknown) => {
    values.push(value);
    where.push(`${op}$${values.length}`);
  };
  if (options.fromRevision !== undefined) bound(backwards ? 'revision <= ' : 'revision >= ', options.fromRevision.toString());
  if (options.toRevision !== undefined) bound(backwards ? 'revision >= ' : 'revision <= ', options.toRevision.toString());
  if (options.recordedBefore !== undefined) bound('recorded_at < ', options.recordedBefore);
  let limit = '';
  if (options.maxCount !== undefined) {
    values.push(options.maxCount);
    limit = `LIMIT $${values.length}`;
  }
  const withHead = toEnd && onHead !== undefined;
  const { rows } = await db.query<EventRow | EventRowWithHash>(
    `SELECT ${withHead ? EVENT_COLUMNS_WITH_HASH : EVENT_COLUMNS} FROM ${EVENTS} e WHERE ${where.join(' AND ')} ORDER BY e.revision ${backwards ? 'DESC' : 'ASC'} ${limit}`,
    values,
  );
  const events = rows.map(toRecordedEvent);
  const last = rows.at(-1) as EventRowWithHash | undefined;
  if (withHead && last) onHead({ revision: BigInt(last.revision), hash: last.hash, lastRecordedAt: events.at(-1)!.recordedAt });
  return events;
}

export async function streamRevision(db: Queryable, streamId: string): Promise<bigint | undefined> {
  const { rows } = await db.query<{ revision: string }>(
    `SELECT revision::text AS revision FROM ${STREAMS} WHERE stream_id = $1 AND revision >= 0`,
    [streamId],
  );
  return rows.length ? BigInt(rows[0].revision) : undefined;
}
