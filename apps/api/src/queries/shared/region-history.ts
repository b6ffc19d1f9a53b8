import { Inject, Injectable } from '@nestjs/common';
import { businessDateOf, streamIdOf, type CommitteeEvent, type ConferenceEvent, type DomainEvent } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { conferenceFactsOf, factsAt, fromRecorded } from '@app/figures';
import { emptyDirectory, evolveDirectory } from '@app/read-models';
import { ProblemException } from '../../http/problem.exception';
import { regionUnknown } from '../../http/domain-problem';
import { EVENT_STORE } from '../../infrastructure/tokens';
import type { TimePoint } from './query-params';
import { RegionReadModel } from './region-read-model';
import type { RegionSnapshot } from './region-snapshot';

export type { RegionSnapshot } from './region-snapshot';

const PAGE = 5000;
/** Replayed snapshots kept (a few points for a few regions); each holds one region's facts. */
const MAX_CACHED_REPLAYS = 64;

/** The events of one region read so far, and where reading stopped. */
interface RegionLog {
  events: RecordedEvent[];
  /** `events` in stream and revision order, while no event was added since it was sorted. */
  sorted?: RecordedEvent[];
  /** Streams whose first event names the region (for events stored without a region in their metadata). */
  streams: Set<string>;
  /** Exclusive: the position of the last event read (of any region). */
  after?: bigint;
}
const PREFIXES = ['conference-', 'committee-', 'recommendation-'];


export const conferenceUnknown = (conferenceId: string) =>
  ProblemException.of(404, 'Diese Bildungskonferenz ist in dieser Bildungsregion nicht bekannt.', {
    code: 'conference.not-scheduled',
    details: { conferenceId },
  });

const knownBy = (point: TimePoint) => (event: RecordedEvent) => point.knownAt === undefined || event.recordedAt.getTime() <= point.knownAt.getTime();

/**
 * Reads a region's history from the event store and replays it at a time point. Every figure and
 * view comes from here, default or time-travelled. "Now" comes from the read models when the
 * projector has applied the whole log (region-read-model.ts); otherwise, and for every other point,
 * from a replay: the projector may lag behind (or not run in this process), and a figure must never
 * depend on that. The pure functions of @app/figures (historyAt via factsAt) apply both axes and the
 * corrections; this class only fetches.
 *
 * Fetching: `readAll` restricted to conference, committee and recommendation streams, keeping the
 * events whose metadata names this region, cached per region and caught up on every call.
 * Events recorded after `knownAt` are dropped by `historyAt` itself (recordedAt ≤ knownAt), the
 * same rule `readStream({ recordedBefore })` applies on the single-stream path (recommendation page).
 */
@Injectable()
export class RegionHistory {
  private readonly logs = new Map<string, RegionLog>();
  private readonly running = new Map<string, Promise<RecordedEvent[]>>();
  private readonly queued = new Map<string, Promise<RecordedEvent[]>>();
  private readonly replays = new Map<string, Promise<RegionSnapshot>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModel: RegionReadModel,
  ) {}

  /** 404 unless the region is registered (now: existence is not time-travelled, so a 404 never depends on knownAt). */
  async regionName(regionId: string): Promise<string> {
    const [registered] = await this.store.readStream(streamIdOf.region(regionId), { maxCount: 1 });
    if (!registered || (registered.data as { regionId?: string }).regionId !== regionId) throw regionUnknown(regionId);
    return (registered.data as { name: string }).name;
  }

  /**
   * All events of the region's conference, committee and recommendation streams, each stream in
   * revision order. The log is append-only, so a region's events are kept in memory and each call
   * reads only what was appended since (readAll from the last position seen: the store's cursor
   * never skips an event that commits late). The first call for a region scans the whole log.
   */
  regionEvents(regionId: string): Promise<RecordedEvent[]> {
    // One catch-up per region at a time. A request arriving while one runs may miss what that one
    // read before it arrived, so it waits for one more, which every request arriving meanwhile
    // shares: under load the log is read once per round, not once per request in a queue.
    const queued = this.queued.get(regionId);
    if (queued) return queued;
    const running = this.running.get(regionId);
    if (!running) return this.startCatchUp(regionId);
    const next = running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      this.queued.delete(regionId);
      return this.startCatchUp(regionId);
    });
    this.queued.set(regionId, next);
    return next;
  }

  private startCatchUp(regionId: string): Promise<RecordedEvent[]> {
    // A failed catch-up leaves the log as it was after its last full page.
    const run = this.catchUp(regionId).finally(() => {
      if (this.running.get(regionId) === run) this.running.delete(regionId);
    });
    this.running.set(regionId, run);
    return run;
  }

  private async catchUp(regionId: string): Promise<RecordedEvent[]> {
    const log = this.logs.get(regionId) ?? { events: [], streams: new Set<string>() };
    this.logs.set(regionId, log);
    for (;;) {
      const page = await this.store.readAll({ fromPosition: log.after, limit: PAGE, streamPrefixes: PREFIXES });
      for (const event of page) {
        // Every event's metadata names its region (domain.md); the stream's first event is the fallback.
        // Neither depends on reading revision 0 first: commit order may put a later revision before it.
        if (event.revision === 0n && (event.data as { regionId?: string }).regionId === regionId) log.streams.add(event.streamId);
        if (event.metadata.regionId === regionId || log.streams.has(event.streamId)) log.events.push(event);
      }
      if (page.length > 0) log.after = page.at(-1)!.position;
      if (page.length < PAGE) break;
    }
    // Global order is commit order; within a stream the revision is what counts (historyAt takes input order as stream order).
    if (log.sorted?.length !== log.events.length) {
      log.sorted = [...log.events].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : Number(a.revision - b.revision)));
    }
    return log.sorted;
  }

  async snapshot(regionId: string, point: TimePoint): Promise<RegionSnapshot> {
    const regionName = await this.regionName(regionId);
    return (await this.readModel.snapshot(regionId, regionName, point)) ?? this.replay(regionId, regionName, point);
  }

  /**
   * The region at `point` from its events alone. A replay costs time in proportion to the region's
   * events (factsAt over every recommendation), so its result is kept for the region's events as
   * they are: the same point asked again (today, the end of a year, a conference's date) is
   * answered from memory until an event of this region is added. Writes in other regions do not
   * touch it. Snapshots are read-only to their users.
   */
  async replay(regionId: string, regionName: string, point: TimePoint): Promise<RegionSnapshot> {
    const events = await this.regionEvents(regionId);
    const key = `${regionId}|${events.length}|${point.asOf}|${point.knownAt?.toISOString() ?? ''}`;
    let snapshot = this.replays.get(key);
    if (snapshot) {
      // Most recently used last, so the oldest entry is the first to go.
      this.replays.delete(key);
    } else {
      // Kept as a promise: requests arriving while it is computed wait for the one replay.
      snapshot = Promise.resolve().then(() => this.replayOf(events, regionId, regionName, point));
      snapshot.catch(() => this.replays.delete(key));
      if (this.replays.size >= MAX_CACHED_REPLAYS) this.replays.delete(this.replays.keys().next().value!);
    }
    this.replays.set(key, snapshot);
    return snapshot;
  }

  private replayOf(events: RecordedEvent[], regionId: string, regionName: string, point: TimePoint): RegionSnapshot {
    const known = events.filter(knownBy(point));

    const asDirectoryEvent = (e: RecordedEvent) => ({ type: e.type, data: e.data }) as ConferenceEvent | CommitteeEvent;
    const directory = emptyDirectory();
    for (const event of events.filter((e) => !e.streamId.startsWith('recommendation-'))) evolveDirectory(directory, asDirectoryEvent(event));
    const conferences = conferenceFactsOf(
      known
        .filter((e) => e.streamId.startsWith('conference-'))
        .map(asDirectoryEvent)
        .filter((e): e is ConferenceEvent => businessDateOf(e as DomainEvent) <= point.asOf),
    );

    const facts = factsAt(
      events.filter((e) => e.streamId.startsWith('recommendation-')).map(fromRecorded),
      point,
    );
    return { regionId, regionName, point, source: 'replay', directory, conferences, facts };
  }
}

/** 404 unless the conference is scheduled in this region (as known now). */
export function requireConference(snapshot: RegionSnapshot, conferenceId: string): void {
  const conference = snapshot.directory.conferences.get(conferenceId);
  if (!conference || conference.region_id !== snapshot.regionId) throw conferenceUnknown(conferenceId);
}
