import { businessDateOf, type CommitteeEvent, type ConferenceEvent, type DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { conferenceFactsOf, fromRecorded, historyAt, recommendationFacts, type ConferenceFacts, type RecommendationFacts } from '@app/figures';
import { emptyDirectory, evolveDirectory, type Directory } from '@app/read-models';
import type { TimePoint } from './query-params';
import type { RegionLog } from './region-log';

/** What a fold of a region's log at a time point gives (a RegionSnapshot without its labels). */
export interface RegionFacts {
  directory: Directory;
  conferences: ConferenceFacts[];
  facts: RecommendationFacts[];
}

const asDirectoryEvent = (e: RecordedEvent) => ({ type: e.type, data: e.data }) as ConferenceEvent | CommitteeEvent;

/**
 * A region folded at one time point, kept between calls: each recommendation's facts depend on its
 * own stream and the point only (factsAt does the same stream by stream), so after events were
 * added only the streams that grew are folded again, with the same pure functions (historyAt,
 * recommendationFacts). A write to one recommendation of a region of thousands costs one stream's
 * fold, not the region's.
 */
export class PointFold {
  /** Per recommendation stream: its length when folded, and its facts then (undefined: not adopted by asOf). */
  private readonly streams = new Map<string, { length: number; facts: RecommendationFacts | undefined }>();

  constructor(readonly point: TimePoint) {}

  of(log: RegionLog): RegionFacts {
    const { point } = this;
    const facts: RecommendationFacts[] = [];
    for (const streamId of log.recommendationIds()) {
      const stream = log.recommendations.get(streamId)!;
      let folded = this.streams.get(streamId);
      if (folded?.length !== stream.length) {
        folded = { length: stream.length, facts: recommendationFacts(historyAt(stream.map(fromRecorded), point), point.asOf) };
        this.streams.set(streamId, folded);
      }
      if (folded.facts) facts.push(folded.facts);
    }

    const directoryEvents = log.directoryEvents();
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
}
