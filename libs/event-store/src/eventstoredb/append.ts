import { FORWARDS, WrongExpectedVersionError, jsonEvent, type EventStoreDBClient, type JSONType } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store';
import { matches } from '../expected-revision';
import { toStoredEvents } from '../stored-json';
import { toEsdbExpectedRevision, toPosition, toWrongExpectedRevisionError } from './mapping';
import { headPosition, streamRevision } from './read';

/**
 * Our event ids become EventStoreDB's event ids, so a retry with the same ids at the same exact
 * expected revision (or `no_stream`) is recognised by the server itself and writes nothing. With
 * `any` the server recognises a retry only while the ids are in its cache (the port says so).
 *
 * Events are checked and turned into plain JSON first: the client serialises inside a promise
 * executor, where a bigint or an undefined data throws into nothing, the append never settles and
 * the process ends on an unhandled rejection.
 */
export async function appendToStream(
  client: EventStoreDBClient,
  streamId: string,
  events: EventToAppend[],
  expectedRevision: ExpectedRevision,
): Promise<AppendResult> {
  if (events.length === 0) return appendNothing(client, streamId, expectedRevision);
  const data = toStoredEvents(streamId, events).map((event) =>
    jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata as JSONType }),
  );
  const expected = toEsdbExpectedRevision(expectedRevision);
  try {
    const result = await client.appendToStream(streamId, data, { expectedRevision: expected });
    const position = result.position ? toPosition(result.position) : await positionOf(client, streamId, result.nextExpectedRevision);
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) {
      throw toWrongExpectedRevisionError(streamId, expectedRevision, error.actualVersion);
    }
    throw error;
  }
}

/** As the PostgreSQL adapter: nothing to write, so only the expected revision is checked. */
async function appendNothing(client: EventStoreDBClient, streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
  toEsdbExpectedRevision(expected);
  const revision = await streamRevision(client, streamId);
  const actual = revision ?? 'no_stream';
  if (!matches(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
  return { nextExpectedRevision: revision ?? -1n, position: (await headPosition(client)) ?? -1n };
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
