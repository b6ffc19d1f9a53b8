import { businessDateOf, type CommitteeEvent, type ConferenceEvent, type DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { conferenceFactsOf, historyAt, recommendationFacts, type ConferenceFacts, type HistoricEvent, type RecommendationFacts } from '@app/figures';
import { emptyDirectory, evolveDirectory, type Directory } from '@app/read-models';
import type { TimePoint } from './query-params';
import type { RecommendationStream, RegionLog } from './region-log';

/** What a fold of a region's log at a time point gives (a RegionSnapshot without its labels). */
export interface RegionFacts {
  directory: Directory;
  conferences: ConferenceFacts[];
  facts: RecommendationFacts[];
}

/** Later than any business date: historyAt through it keeps every event. */
const EVERY_DAY = '9999-12-31';
/** How long a fold runs before it lets other requests in. */
const SLICE_MS = 10;

const asDirectoryEvent = (e: RecordedEvent) => ({ type: e.type, data: e.data }) as ConferenceEvent | CommitteeEvent;

/**
 * A region folded at one time point, kept between calls: each recommendation's facts depend on its
 * own stream and the point only (factsAt does the same stream by stream), so after events were
 * added only the streams that grew are folded again, with the same pure functions (historyAt,
 * recommendationFacts). A write to one recommendation of a region of thousands costs one stream's
 * fold, not the region's; a new point costs each stream's facts, not its history (historyOf).
 */
export class PointFold {
  /** Per recommendation stream: its length when folded, and its facts then (undefined: not adopted by asOf). */
  private readonly streams = new Map<string, { length: number; facts: RecommendationFacts | undefined }>();

  constructor(readonly point: TimePoint) {}

  /**
   * The region's facts at the point as of the log's version now (what is added while this runs is
   * left for the next call). Folding a large region at a new point takes a while, so it gives way
   * to other requests every few milliseconds instead of holding the process.
   */
  async of(log: RegionLog): Promise<RegionFacts> {
    const { point } = this;
    const streams = log.recommendationIds().map((id) => ({ id, stream: log.recommendations.get(id)!, length: log.recommendations.get(id)!.history.length }));
    const directoryEvents = log.directoryEvents();
    const facts: RecommendationFacts[] = [];
    let slice = performance.now();
    for (const { id, stream, length } of streams) {
      let folded = this.streams.get(id);
      if (folded?.length !== length) {
        folded = { length, facts: recommendationFacts(this.historyOf(stream, length), point.asOf) };
        this.streams.set(id, folded);
        if (performance.now() - slice > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      if (folded.facts) facts.push(folded.facts);
    }

    // Names as known now (labels and the 404 check, never a base); the conferences' dates as known at the point.
    const directory = emptyDirectory();
    for (const event of directoryEvents) evolveDirectory(directory, asDirectoryEvent(event));
    const knownAt = point.knownAt?.getTime();
    const conferences = conferenceFactsOf(
      directoryEvents
        .filter((e) => e.streamId.startsWith('conference-') && (knownAt === undefined || e.recordedAt.getTime() <= knownAt))
        .map(asDirectoryEvent)
        .filter((e): e is ConferenceEvent => businessDateOf(e as DomainEvent) <= point.asOf),
    );
    return { directory, conferences, facts };
  }

  /**
   * historyAt(stream, point) for the stream's first `length` events. The asOf cut is historyAt's
   * last step, event by event, so without a knownAt the stream's history through every day is
   * worked out once (per length) and each point only cuts it: a new point costs the facts, not the
   * corrections and dates again.
   */
  private historyOf(stream: RecommendationStream, length: number): HistoricEvent[] {
    const { point } = this;
    const events = stream.history.length === length ? stream.history : stream.history.slice(0, length);
    if (point.knownAt !== undefined) return historyAt(events, point);
    if (stream.whole?.length !== length) stream.whole = { length, history: historyAt(events, { asOf: EVERY_DAY }) };
    return stream.whole.history.filter((e) => e.businessDate <= point.asOf);
  }
}
