import { Inject, Injectable } from '@nestjs/common';
import { conferenceError, streamIdOf } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { domainProblem, regionUnknown } from '../../http/domain-problem';
import { EVENT_STORE } from '../../infrastructure/tokens';
import type { TimePoint } from './query-params';
import { PointFold } from './region-fold';
import { RegionLog, VIEW_STREAM_PREFIXES } from './region-log';
import { RegionReadModel } from './region-read-model';
import type { RegionSnapshot } from './region-snapshot';

export type { RegionSnapshot } from './region-snapshot';

const PAGE = 5000;
/** Time points kept folded (a few points for a few regions); each holds one region's facts at its point. */
const MAX_POINTS = 64;

export const conferenceUnknown = (conferenceId: string) => domainProblem(conferenceError('conference.not-scheduled', { conferenceId }));

const pointKey = (regionId: string, point: TimePoint) => `${regionId}|${point.asOf}|${point.knownAt?.toISOString() ?? ''}`;

/** A region folded at a point, and the snapshot made from it at a version of the region's log. */
interface PointState {
  fold: PointFold;
  made?: { version: number; snapshot: Promise<RegionSnapshot> };
}

/**
 * Reads a region's history from the event store and replays it at a time point. Every figure and
 * view comes from here, default or time-travelled, and a figure never depends on the projector's
 * lag: the pure functions of @app/figures (historyAt, recommendationFacts) apply both axes and
 * the corrections to the region's events; this class only fetches and keeps.
 *
 * Fetching: a region's first read is one `readLog` of its streams (the port's region filter) up to
 * the log's head; from then on the events appended since are read with `readAll` from that head
 * and kept in memory (RegionLog), so each request costs one small read. Folding: per region and
 * time point (PointFold) only the recommendation streams that grew are folded again, and the
 * snapshot of a point is kept until the region's log grows. Before a region's log is in memory,
 * "now" comes from the read models if they hold the whole log (region-read-model.ts), while the
 * log is read in the background.
 */
@Injectable()
export class RegionHistory {
  private readonly logs = new Map<string, RegionLog>();
  private readonly names = new Map<string, string>();
  private readonly running = new Map<string, Promise<RegionLog>>();
  private readonly queued = new Map<string, Promise<RegionLog>>();
  private readonly points = new Map<string, PointState>();
  private readonly readingReadModel = new Map<string, Promise<RegionSnapshot | undefined>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModel: RegionReadModel,
  ) {}

  /** 404 unless the region is registered (now: existence is not time-travelled, so a 404 never depends on knownAt). */
  async regionName(regionId: string): Promise<string> {
    // A region's first event never changes, so its name is read once.
    const known = this.names.get(regionId);
    if (known !== undefined) return known;
    const [registered] = await this.store.readStream(streamIdOf.region(regionId), { maxCount: 1 });
    if (!registered || (registered.data as { regionId?: string }).regionId !== regionId) throw regionUnknown(regionId);
    const name = (registered.data as { name: string }).name;
    this.names.set(regionId, name);
    return name;
  }

  /** The region's conference, committee and recommendation events as read now, stream by stream in revision order. */
  async regionEvents(regionId: string): Promise<RecordedEvent[]> {
    return (await this.caughtUp(regionId)).events();
  }

  /**
   * The region's log with everything appended until now. One read per region at a time: a request
   * arriving while one runs may miss what that one read before it arrived, so it waits for one
   * more, which every request arriving meanwhile shares; under load the log is read once per
   * round, not once per request in a queue.
   */
  private caughtUp(regionId: string): Promise<RegionLog> {
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

  private startCatchUp(regionId: string): Promise<RegionLog> {
    const run = this.catchUp(regionId).finally(() => {
      if (this.running.get(regionId) === run) this.running.delete(regionId);
    });
    this.running.set(regionId, run);
    return run;
  }

  private async catchUp(regionId: string): Promise<RegionLog> {
    const known = this.logs.get(regionId);
    if (!known) {
      // First read: the region's streams alone, up to the head. Every event before the head has
      // committed (the head is the newest visible event), so reading on from the head skips nothing.
      const log = new RegionLog(regionId);
      const head = await this.store.headPosition();
      if (head !== undefined) log.add((await this.store.readLog({ streams: { key: 'regionId', value: regionId }, toPosition: head })).events);
      log.after = head;
      this.logs.set(regionId, log);
      return log;
    }
    // A failed read leaves the log as it was after its last full page.
    for (;;) {
      const page = await this.store.readAll({ fromPosition: known.after, limit: PAGE, streamPrefixes: VIEW_STREAM_PREFIXES });
      known.add(page);
      if (page.length > 0) known.after = page.at(-1)!.position;
      if (page.length < PAGE) return known;
    }
  }

  async snapshot(regionId: string, point: TimePoint): Promise<RegionSnapshot> {
    const regionName = await this.regionName(regionId);
    if (!this.logs.has(regionId)) {
      // Not read yet: "now" from the read models if they can say it, while the log is read for the
      // next request. Requests arriving meanwhile share the one read of the read models.
      const key = pointKey(regionId, point);
      let fromReadModel = this.readingReadModel.get(key);
      if (!fromReadModel) {
        fromReadModel = this.readModel.snapshot(regionId, regionName, point).finally(() => this.readingReadModel.delete(key));
        this.readingReadModel.set(key, fromReadModel);
        this.caughtUp(regionId).catch(() => undefined);
      }
      const answer = await fromReadModel;
      if (answer) return answer;
    }
    return this.replay(regionId, regionName, point);
  }

  /**
   * The region at `point` from its events alone, kept until an event of this region is added: the
   * same point asked again (today, the end of a year, a conference's date) is answered from memory,
   * and after a write only the recommendation that changed is folded again. Writes in other regions
   * touch nothing. Snapshots are read-only to their users.
   */
  async replay(regionId: string, regionName: string, point: TimePoint): Promise<RegionSnapshot> {
    const log = await this.caughtUp(regionId);
    const key = pointKey(regionId, point);
    const state = this.points.get(key) ?? { fold: new PointFold(point) };
    // Most recently used last, so the oldest entry is the first to go.
    this.points.delete(key);
    if (this.points.size >= MAX_POINTS) this.points.delete(this.points.keys().next().value!);
    this.points.set(key, state);
    if (state.made?.version !== log.version) {
      // Kept as a promise: requests arriving while it is folded wait for the one fold.
      const made = { version: log.version, snapshot: state.fold.of(log).then((content): RegionSnapshot => ({ regionId, regionName, point, source: 'replay', ...content })) };
      made.snapshot.catch(() => {
        if (state.made === made) state.made = undefined;
      });
      state.made = made;
    }
    return state.made.snapshot;
  }
}

/** 404 unless the conference is scheduled in this region (as known now). */
export function requireConference(snapshot: RegionSnapshot, conferenceId: string): void {
  const conference = snapshot.directory.conferences.get(conferenceId);
  if (!conference || conference.region_id !== snapshot.regionId) throw conferenceUnknown(conferenceId);
}
