import { chainHash } from './chain-hash';
import { UnknownPositionError } from './errors';
import type { ChainData, EventStore, LogRead, ReadLogOptions, RecordedEvent, StreamSet } from './event-store';

const PAGE = 2000;

/** Whether an event's stream is in the set, learning the set's streams from their first events as they pass. */
export function streamSetFilter(set: StreamSet): (event: Pick<RecordedEvent, 'streamId' | 'revision' | 'data'>) => boolean {
  if ('streamIds' in set) {
    const ids = new Set(set.streamIds);
    return (event) => ids.has(event.streamId);
  }
  const ours = new Set<string>();
  return (event) => {
    if (event.revision === 0n && (event.data as Record<string, unknown> | null)?.[set.key] === set.value) ours.add(event.streamId);
    return ours.has(event.streamId);
  };
}

/** The chain a store without one would have: `chainHash` per stream from revision 0 (`events` must hold whole streams, in order). */
export function computedHashes(events: Iterable<RecordedEvent>): Map<string, string> {
  const hashes = new Map<string, string>();
  const previous = new Map<string, Buffer>();
  for (const e of events) {
    const hash = chainHash(previous.get(e.streamId) ?? Buffer.alloc(0), {
      streamId: e.streamId,
      revision: e.revision,
      eventId: e.id,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      recordedAt: e.recordedAt,
    });
    previous.set(e.streamId, hash);
    hashes.set(e.id, hash.toString('hex'));
  }
  return hashes;
}

/**
 * readLog for a store without a query of its own (EventStoreDB): the set's whole streams, from a
 * walk over `readAll` (a set by first event) or from `readStream` (a set by id), cut afterwards.
 */
export async function scanLog(store: Pick<EventStore, 'readAll' | 'readStream'>, options: ReadLogOptions): Promise<LogRead> {
  const { toPosition, recordedBefore } = options;
  const whole = await wholeStreams(store, options.streams, toPosition);
  const hashes = options.withHashes ? computedHashes(whole) : new Map<string, string>();
  const events = recordedBefore === undefined ? whole : whole.filter((e) => e.recordedAt < recordedBefore);
  if (events === whole) return { events, hashes };
  const kept = new Set(events.map((e) => e.id));
  return { events, hashes: new Map([...hashes].filter(([id]) => kept.has(id))) };
}

/** readChains for a store without a chain: the computed hashes, and each stream's last hash as its head. */
export async function scanChains(store: Pick<EventStore, 'readAll' | 'readStream'>, streams: StreamSet): Promise<ChainData> {
  const events = await wholeStreams(store, streams, undefined);
  const hashes = computedHashes(events);
  const heads = new Map<string, { revision: bigint; hash: string }>();
  for (const e of events) heads.set(e.streamId, { revision: e.revision, hash: hashes.get(e.id)! });
  const order = [...heads.keys()];
  events.sort((a, b) => order.indexOf(a.streamId) - order.indexOf(b.streamId) || Number(a.revision - b.revision));
  return { events, hashes, heads, kept: false };
}

async function wholeStreams(store: Pick<EventStore, 'readAll' | 'readStream'>, set: StreamSet, toPosition: bigint | undefined): Promise<RecordedEvent[]> {
  const inSet = streamSetFilter(set);
  if ('streamIds' in set) {
    const read = (await Promise.all(set.streamIds.map((id) => store.readStream(id)))).flat();
    // One log, one writer: EventStoreDB's positions follow its global order.
    read.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    if (toPosition === undefined) return read;
    const cut = read.findIndex((e) => e.position === toPosition);
    if (cut >= 0) return read.slice(0, cut + 1);
    // Not an event of these streams: still a cut if it is some event's position.
    await store.readAll({ fromPosition: toPosition, limit: 1 });
    return read.filter((e) => e.position < toPosition);
  }
  const kept: RecordedEvent[] = [];
  let fromPosition: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition, limit: PAGE });
    for (const event of page) {
      if (inSet(event)) kept.push(event);
      if (event.position === toPosition) return kept;
    }
    if (page.length < PAGE) break;
    fromPosition = page.at(-1)!.position;
  }
  if (toPosition !== undefined) throw new UnknownPositionError(toPosition);
  return kept;
}
