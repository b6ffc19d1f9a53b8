/**
 * Pure translations between our event store port and @eventstore/db-client 6. No I/O here, so the
 * rules can be unit-tested without a server.
 *
 * Positions. EventStoreDB addresses $all with a pair {commit, prepare}; our port has one bigint.
 * We use the commit position and resume from {commit: p, prepare: p}. Why that is exact:
 * every append through the gRPC API is written as "committed prepares" (one prepare record per
 * event, flagged IsCommitted; there is no separate commit record and gRPC has no explicit
 * transactions), and the server's $all reader reports such an event as
 * {commit: its log position, prepare: its log position}. So commit == prepare, each event has its
 * own commit position, and the pair {p, p} names exactly one event. (Emmett's esdb adapter and the
 * Python esdbclient make the same choice.) The one exception is legacy TCP-client explicit
 * transactions, whose events share the commit record's position; nothing in this project writes
 * those, and the adapter never produces them.
 * Reads of $all forwards from {p, p} include the event at p, catch-up subscriptions from {p, p}
 * start after it; the adapter also drops anything at or before p itself, so either way the
 * checkpoint is exclusive.
 */
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  START,
  streamNameFilter,
  type AppendExpectedRevision,
  type CurrentRevision,
  type Filter,
  type Position,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import type { EventMetadata, ExpectedRevision, RecordedEvent } from '../event-store';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default: {
      const exact: bigint = expected;
      if (exact < 0n) throw new RangeError(`expected revision must be >= 0, got ${exact}`);
      return exact;
    }
  }
}

/** The client's `actualVersion` is already `no_stream` or the last revision; keep it as is. */
export function toWrongExpectedRevisionError(
  streamId: string,
  expected: ExpectedRevision,
  actualVersion: CurrentRevision,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, actualVersion === NO_STREAM ? 'no_stream' : actualVersion);
}

export function toPosition(position: Position): bigint {
  return position.commit;
}

/** Where to start reading or subscribing; see the module comment for why {p, p} is exact. */
export function toEsdbPosition(position: bigint | undefined): ReadPosition {
  if (position === undefined) return START;
  if (position < 0n) throw new RangeError(`position must be >= 0, got ${position}`);
  return { commit: position, prepare: position };
}

/** System streams (`$stats-…`, `$$metadata`, projections' output) and system event types (`$>` links, `$metadata`). */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** An empty or missing prefix list means every (non-system) stream. */
export function matchesPrefixes(streamId: string, prefixes: readonly string[] | undefined): boolean {
  if (prefixes === undefined || prefixes.length === 0) return true;
  return prefixes.some((prefix) => streamId.startsWith(prefix));
}

/**
 * Server-side filter for subscribeToAll: the caller's prefixes, or "every stream not starting with
 * `$`". System event types inside user streams are dropped client-side by `isSystemEvent`.
 */
export function toStreamFilter(prefixes: readonly string[] | undefined): Filter {
  if (prefixes === undefined || prefixes.length === 0) return streamNameFilter({ regex: '^[^$]' });
  return streamNameFilter({ prefixes: [...prefixes] });
}

export function toMetadata(metadata: unknown): EventMetadata {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata) || metadata instanceof Uint8Array) return {};
  return metadata as EventMetadata;
}

/**
 * The server's "no position" marker: an event read from a stream by a server older than 22.6 comes
 * with commit and prepare position -1 as an unsigned 64-bit number. The client passes it on as a
 * number (it never gives `undefined`), so without this check it would become a checkpoint past
 * every real event.
 */
export const END_OF_LOG_MARKER = 2n ** 64n - 1n;

export function hasNoPosition(position: Position | undefined): boolean {
  return position === undefined || position.commit === END_OF_LOG_MARKER || position.prepare === END_OF_LOG_MARKER;
}

/** readStream carries the $all position only from server 22.6 on; we require 23.10 (caughtUp) anyway. */
export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (event.position === undefined || hasNoPosition(event.position)) {
    throw new Error(`EventStoreDB returned event ${event.id} of ${event.streamId} without a position (server older than 22.6?)`);
  }
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: toPosition(event.position),
    type: event.type,
    data: event.data,
    metadata: toMetadata(event.metadata),
    recordedAt: event.created,
  };
}
