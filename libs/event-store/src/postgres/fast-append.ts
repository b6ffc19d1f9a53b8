import type { AppendResult, EventToAppend } from '../event-store';
import { INSERT_PREPARED, prepareAppend, preparedValues, type StreamHead } from './prepare';
import type { Queryable } from './queryable';
import { EVENTS, STREAMS } from './schema';

/**
 * One autocommit statement instead of BEGIN / lock / insert / COMMIT, for a writer that knows the
 * stream's head (it wrote the last event) or creates a new stream. The head row is moved only if it
 * still is what the writer knows (or, for a new stream, if it can be created), and the events are
 * inserted only if it was; a concurrent writer holding the row makes this statement wait and then
 * find the head changed. Returns undefined when the knowledge was stale: nothing was written, and
 * the caller takes the locking path. A duplicate event id fails the whole statement (unique
 * violation), also with nothing written.
 */
export async function appendAtKnownHead(
  db: Queryable,
  streamId: string,
  events: EventToAppend[],
  known: StreamHead | undefined,
  now: () => Date,
): Promise<{ result: AppendResult; head: StreamHead } | undefined> {
  const p = prepareAppend(streamId, events, known, now());
  const moveHead = known
    ? `UPDATE ${STREAMS} SET revision = $9, head_hash = $10, last_recorded_at = $7
        WHERE stream_id = $1 AND revision = $11 AND head_hash = $12 RETURNING 1`
    : `INSERT INTO ${STREAMS} (stream_id, revision, head_hash, last_recorded_at) VALUES ($1, $9, $10, $7)
        ON CONFLICT (stream_id) DO NOTHING RETURNING 1`;
  const values = [...preparedValues(streamId, p), p.next.revision.toString(), p.next.hash];
  if (known) values.push(known.revision.toString(), known.hash);
  const { rows } = await db.query<{ moved: number; position: string | null }>({
    // Named, so each connection plans this statement once.
    name: known ? 'event-store-append-at-head' : 'event-store-append-new-stream',
    text: `WITH head AS (${moveHead}),
     ins AS (
       INSERT INTO ${EVENTS} ${INSERT_PREPARED}
        WHERE EXISTS (SELECT 1 FROM head)
       RETURNING position
     )
     SELECT (SELECT count(*)::int FROM head) AS moved, max(position)::text AS position FROM ins`,
    values,
  });
  if (rows[0].moved !== 1) return undefined;
  return { result: { nextExpectedRevision: p.next.revision, position: BigInt(rows[0].position!) }, head: p.next };
}
