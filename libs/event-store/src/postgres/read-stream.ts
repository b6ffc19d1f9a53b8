import type { ReadStreamOptions, RecordedEvent } from '../event-store';
import type { Queryable } from './queryable';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './rows';
import { EVENTS, STREAMS } from './schema';

/** One stream in revision order. No snapshot filter here: a writer must read its own commits at once. */
export async function readStream(db: Queryable, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
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
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${EVENTS} e WHERE ${where.join(' AND ')} ORDER BY e.revision ${backwards ? 'DESC' : 'ASC'} ${limit}`,
    values,
  );
  return rows.map(toRecordedEvent);
}

export async function streamRevision(db: Queryable, streamId: string): Promise<bigint | undefined> {
  const { rows } = await db.query<{ revision: string }>(
    `SELECT revision::text AS revision FROM ${STREAMS} WHERE stream_id = $1 AND revision >= 0`,
    [streamId],
  );
  return rows.length ? BigInt(rows[0].revision) : undefined;
}
