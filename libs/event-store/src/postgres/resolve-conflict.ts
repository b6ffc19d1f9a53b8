import type { Queryable } from './queryable';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store';
import { EventIdInUseError, WrongExpectedRevisionError } from '../errors';
import { EVENTS } from './schema';

/**
 * After a rolled-back append: the EventStoreDB idempotency rule. If every event id is already in the
 * stream, in order, on consecutive revisions starting where the expected revision says (anywhere for
 * `any` / `stream_exists`), the earlier append is reported again and nothing is written. Anything
 * else, including a partial match, is a WrongExpectedRevisionError carrying the actual revision.
 */
export async function resolveConflict(
  db: Queryable,
  streamId: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): Promise<AppendResult> {
  const ids = events.map((e) => e.id.toLowerCase());
  const { rows } = await db.query<{ event_id: string; stream_id: string; revision: string; position: string }>(
    `SELECT event_id::text AS event_id, stream_id, revision::text AS revision, position::text AS position
       FROM ${EVENTS} WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.event_id, r]));
  const found = ids.map((id) => byId.get(id));
  const elsewhere = found.find((r) => r && r.stream_id !== streamId);
  if (elsewhere) {
    throw new EventIdInUseError(elsewhere.event_id, elsewhere.stream_id, streamId);
  }
  if (found.every((r) => r !== undefined)) {
    const first = BigInt(found[0]!.revision);
    const consecutive = found.every((r, i) => BigInt(r!.revision) === first + BigInt(i));
    const start = expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : first;
    if (consecutive && first === start) {
      const last = found[found.length - 1]!;
      return { nextExpectedRevision: BigInt(last.revision), position: BigInt(last.position), alreadyWritten: true };
    }
  }
  throw new WrongExpectedRevisionError(streamId, expected, actual);
}
