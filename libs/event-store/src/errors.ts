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
