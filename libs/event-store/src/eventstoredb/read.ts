import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { UnknownPositionError } from '../errors';
import { READ_ALL_DEFAULT_LIMIT, type ReadAllOptions, type ReadStreamOptions, type RecordedEvent } from '../event-store';
import { isSystemEvent, matchesPrefixes, toEsdbPosition, toRecordedEvent } from './mapping';

type Step = 'take' | 'skip' | 'stop';

/**
 * Walks a streaming read, keeping what `step` takes, until it says stop or `limit` is reached;
 * then cancels the gRPC call so the server stops sending.
 */
async function collect<E extends ResolvedEvent | AllStreamResolvedEvent>(
  read: StreamingRead<E>,
  step: (event: RecordedEvent) => Step,
  limit = Number.POSITIVE_INFINITY,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  if (limit <= 0) {
    await read.cancel();
    return out;
  }
  let stoppedEarly = true;
  try {
    for await (const resolved of read) {
      if (!resolved.event) continue;
      const event = toRecordedEvent(resolved.event);
      const decision = step(event);
      if (decision === 'stop') return out;
      if (decision === 'take') out.push(event);
      if (out.length >= limit) return out;
    }
    stoppedEarly = false;
    return out;
  } finally {
    // Also when `step` throws: the server stops sending.
    if (stoppedEarly) await read.cancel().catch(() => undefined);
  }
}

export async function readStream(client: EventStoreDBClient, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const { toRevision, recordedBefore } = options;
  const read = client.readStream(streamId, {
    direction: backwards ? BACKWARDS : FORWARDS,
    fromRevision: options.fromRevision ?? (backwards ? END : START),
  });
  const beyondBound = (revision: bigint) =>
    toRevision !== undefined && (backwards ? revision < toRevision : revision > toRevision);
  try {
    return await collect(
      read,
      (event) => {
        if (beyondBound(event.revision)) return 'stop';
        // Filter rather than stop: `created` comes from the server's clock and need not be monotonic.
        if (recordedBefore !== undefined && !(event.recordedAt < recordedBefore)) return 'skip';
        return 'take';
      },
      options.maxCount,
    );
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

export async function streamRevision(client: EventStoreDBClient, streamId: string): Promise<bigint | undefined> {
  const [last] = await readStream(client, streamId, { direction: 'backwards', maxCount: 1 });
  return last?.revision;
}

/**
 * v6 of the client sends readAll with "no filter" (only subscribeToAll takes one), so the prefix
 * and system-event filter runs here while streaming; the read is cancelled once `limit` is met.
 * A read from {p, p} starts at the event at p, so the first event read (system events included)
 * shows whether p is an event's position at all; the port refuses one that is not.
 */
export async function readAll(client: EventStoreDBClient, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const { fromPosition, streamPrefixes } = options;
  const read = client.readAll({ direction: FORWARDS, fromPosition: toEsdbPosition(fromPosition) });
  let checked = fromPosition === undefined;
  const events = await collect(
    read,
    (event) => {
      if (!checked) {
        if (event.position !== fromPosition) throw new UnknownPositionError(fromPosition!);
        checked = true;
      }
      // The read starts at (and includes) fromPosition; the port's checkpoint is exclusive.
      if (fromPosition !== undefined && event.position <= fromPosition) return 'skip';
      if (isSystemEvent(event) || !matchesPrefixes(event.streamId, streamPrefixes)) return 'skip';
      return 'take';
    },
    options.limit ?? READ_ALL_DEFAULT_LIMIT,
  );
  // Nothing at all from p: p lies beyond the log's end. (A limit of 0 reads nothing and checks nothing.)
  if (!checked && (options.limit ?? READ_ALL_DEFAULT_LIMIT) > 0) throw new UnknownPositionError(fromPosition!);
  return events;
}

/** Refuses a checkpoint that is no event's position (UnknownPositionError); resolves otherwise. */
export async function requireEventPosition(client: EventStoreDBClient, position: bigint | undefined): Promise<void> {
  if (position === undefined) return;
  const read = client.readAll({ direction: FORWARDS, fromPosition: toEsdbPosition(position), maxCount: 1 });
  const [first] = await collect(read, () => 'take', 1);
  if (first?.position !== position) throw new UnknownPositionError(position);
}

/** Newest non-system event, read backwards from the end of $all. */
export async function headPosition(client: EventStoreDBClient): Promise<bigint | undefined> {
  const read = client.readAll({ direction: BACKWARDS, fromPosition: END });
  const [newest] = await collect(read, (event) => (isSystemEvent(event) ? 'skip' : 'take'), 1);
  return newest?.position;
}
