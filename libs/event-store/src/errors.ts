import type { ExpectedRevision } from './event-store';

/** The stream is not where the writer expected it; nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `no_stream`. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/**
 * An event id of the append is already used by another stream; nothing was written. (PostgreSQL
 * refuses this; EventStoreDB keeps event ids unique per stream only and writes the event.)
 */
export class EventIdInUseError extends Error {
  override readonly name = 'EventIdInUseError';
  constructor(
    readonly eventId: string,
    /** The stream that holds the event. */
    readonly usedBy: string,
    readonly streamId: string,
  ) {
    super(`Event id ${eventId} already belongs to stream ${usedBy}, not ${streamId}`);
  }
}

/**
 * An event the store cannot keep as given: an id that is no uuid, an empty type, data or metadata
 * that is not JSON (a bigint, a cycle) or metadata that is not an object. Nothing was written.
 * Both adapters check before anything reaches the database or the server.
 */
export class InvalidEventError extends TypeError {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly streamId: string,
    /** Index of the offending event in the append. */
    readonly index: number,
    readonly reason: string,
  ) {
    super(`Stream ${streamId}, event ${index}: ${reason}`);
  }
}

/** A checkpoint (`fromPosition`) that is not the position of any event; nothing was read. */
export class UnknownPositionError extends RangeError {
  override readonly name = 'UnknownPositionError';
  constructor(readonly position: bigint) {
    super(`Unknown event store position ${position}: it is not the position of any event`);
  }
}
