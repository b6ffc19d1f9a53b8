import { streamSetFilter, type RecordedEvent } from '@app/event-store';
import { fromRecorded, type HistoricEvent, type HistoryEvent } from '@app/figures';

/** The streams a region's views are made of. */
export const VIEW_STREAM_PREFIXES = ['conference-', 'committee-', 'recommendation-'];

const isViewStream = (streamId: string) => VIEW_STREAM_PREFIXES.some((p) => streamId.startsWith(p));
const byStreamAndRevision = (a: RecordedEvent, b: RecordedEvent) =>
  a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : Number(a.revision - b.revision);

/** A recommendation's stream in revision order. */
export interface RecommendationStream {
  events: RecordedEvent[];
  /** The same events as the figures read them (converted once). */
  history: HistoryEvent[];
  /** historyAt of the first `length` events through every day (region-fold.ts), kept for the next point. */
  whole?: { length: number; history: HistoricEvent[] };
}

// Within a stream commits follow revisions; kept right even if a store delivered otherwise.
const inOrder = (stream: RecordedEvent[], event: RecordedEvent) => stream.at(-1)!.revision < event.revision;
const sortIn = (stream: RecordedEvent[], event: RecordedEvent) => {
  stream.push(event);
  return stream.sort(byStreamAndRevision);
};

/**
 * One region's conference, committee and recommendation events as read so far. The log is
 * append-only, so a reader keeps this and adds only what was appended since; the streams are kept
 * apart, each in revision order, so a fold can redo only the streams that changed. Which streams
 * are the region's is the port's rule (`readLog`'s `{ key: 'regionId' }`): those whose first event
 * names the region.
 */
export class RegionLog {
  /** Grows with every event added: whatever was computed from the log holds while it stays. */
  version = 0;
  /** Exclusive: the log position (of any region) read up to, where the next read continues. */
  after: bigint | undefined;
  /** Recommendation streams by id. */
  readonly recommendations = new Map<string, RecommendationStream>();
  /** Conference and committee streams by id, each in revision order. */
  readonly directory = new Map<string, RecordedEvent[]>();
  private readonly ours: (event: RecordedEvent) => boolean;
  private sortedIds?: string[];
  private all?: { version: number; events: RecordedEvent[] };

  constructor(readonly regionId: string) {
    this.ours = streamSetFilter({ key: 'regionId', value: regionId });
  }

  /** Adds events in the store's global order (of any region; the others are passed over). */
  add(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (!this.ours(event) || !isViewStream(event.streamId)) continue;
      if (event.streamId.startsWith('recommendation-')) {
        const stream = this.recommendations.get(event.streamId);
        if (!stream) {
          this.recommendations.set(event.streamId, { events: [event], history: [fromRecorded(event)] });
          this.sortedIds = undefined;
        } else if (inOrder(stream.events, event)) {
          stream.events.push(event);
          stream.history.push(fromRecorded(event));
        } else {
          stream.history = sortIn(stream.events, event).map(fromRecorded);
          stream.whole = undefined;
        }
      } else {
        const stream = this.directory.get(event.streamId);
        if (!stream) this.directory.set(event.streamId, [event]);
        else if (inOrder(stream, event)) stream.push(event);
        else sortIn(stream, event);
      }
      this.version += 1;
    }
  }

  /** Recommendation stream ids in id order (the order of the facts, as the read models' rows have it). */
  recommendationIds(): readonly string[] {
    this.sortedIds ??= [...this.recommendations.keys()].sort();
    return this.sortedIds;
  }

  /** Conference and committee events, stream by stream in revision order. */
  directoryEvents(): RecordedEvent[] {
    return [...this.directory.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, stream]) => stream);
  }

  /** Every event kept, stream by stream in revision order (made again only after an event was added). */
  events(): RecordedEvent[] {
    if (this.all?.version !== this.version) {
      const recommendations = [...this.recommendations.values()].map((s) => s.events);
      this.all = { version: this.version, events: [...this.directory.values(), ...recommendations].flat().sort(byStreamAndRevision) };
    }
    return this.all.events;
  }
}
