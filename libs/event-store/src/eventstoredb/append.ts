import {
  FORWARDS,
  WrongExpectedVersionError,
  jsonEvent,
  type EventStoreDBClient,
  type JSONType,
} from '@eventstore/db-client';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store';
import { toEsdbExpectedRevision, toPosition, toWrongExpectedRevisionError } from './mapping';

/**
 * Our event ids become EventStoreDB's event ids, so a retry with the same ids at the same expected
 * revision is recognised by the server itself and writes nothing (its idempotency rule is the one
 * the port promises).
 */
export async function appendToStream(
  client: EventStoreDBClient,
  streamId: string,
  events: EventToAppend[],
  expectedRevision: ExpectedRevision,
): Promise<AppendResult> {
  if (events.length === 0) throw new RangeError('append needs at least one event');
  const data = events.map((event) =>
    jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata }),
  );
  try {
    const result = await client.appendToStream(streamId, data, { expectedRevision: toEsdbExpectedRevision(expectedRevision) });
    const position = result.position ? toPosition(result.position) : await positionOf(client, streamId, result.nextExpectedRevision);
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) {
      throw toWrongExpectedRevisionError(streamId, expectedRevision, error.actualVersion);
    }
    throw error;
  }
}

/**
 * Only when the server leaves the position out (it may for an idempotent retry, where it looks the
 * original write up). The reply's revision is then the last event of that original write, so its
 * position is the one the first append returned.
 */
async function positionOf(client: EventStoreDBClient, streamId: string, revision: bigint): Promise<bigint> {
  for await (const resolved of client.readStream(streamId, { direction: FORWARDS, fromRevision: revision, maxCount: 1 })) {
    if (resolved.event?.position) return toPosition(resolved.event.position);
  }
  throw new Error(`EventStoreDB reported no position for the write to ${streamId}`);
}
