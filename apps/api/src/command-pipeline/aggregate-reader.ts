import { Inject, Injectable } from '@nestjs/common';
import { domainError, fold, notFound as notFoundDefinition, type RegionId } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { AggregateType } from './aggregates';
import { DomainErrorException } from './command-errors';
import { SnapshotCache, type Snapshot } from './snapshots';

/** An aggregate as its stream shows it now. */
export interface LoadedAggregate<S> {
  streamId: string;
  /** Last revision, undefined if the stream does not exist. */
  revision: bigint | undefined;
  events: RecordedEvent[];
  state: S;
}

/** An aggregate's state now, without its events: what commands and cross-aggregate facts need. */
export interface AggregateState<S> {
  streamId: string;
  /** Last revision, undefined if the stream does not exist. */
  revision: bigint | undefined;
  state: S;
  regionId: RegionId | undefined;
  /** Whether the stream holds an event with this id (a retry's derived id). */
  holds(eventId: string): boolean;
  /** The ids behind `holds`, shared with the snapshot (ids are only ever added). */
  eventIds: Set<string>;
}

const stateOf = <S>(streamId: string, snapshot: Snapshot<S>): AggregateState<S> => ({
  streamId,
  revision: snapshot.revision,
  state: snapshot.state,
  regionId: snapshot.regionId,
  holds: (eventId) => snapshot.eventIds.has(eventId),
  eventIds: snapshot.eventIds,
});

/** Every event names its region in its data; an aggregate of another region does not exist here. */
export const regionOfStream = (events: RecordedEvent[]): RegionId | undefined =>
  (events[0]?.data as { regionId?: RegionId } | undefined)?.regionId;

/** Reads streams and folds them with the domain's deciders; shared by commands, GETs and cross-aggregate facts. */
@Injectable()
export class AggregateReader {
  private readonly snapshots = new SnapshotCache();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The state now, from the snapshot this process holds and the events after it (usually none or a
   * few: one small read instead of the whole stream, and a fold of only those events).
   */
  async loadState<C, E, S>(type: AggregateType<C, E, S>, id: string): Promise<AggregateState<S>> {
    const streamId = type.streamId(id);
    const held = this.snapshots.get<S>(streamId);
    const events = await this.store.readStream(streamId, held ? { fromRevision: held.revision + 1n } : {});
    if (!held && events.length === 0) {
      return { streamId, revision: undefined, state: type.decider.initialState(), regionId: undefined, holds: () => false, eventIds: new Set() };
    }
    const snapshot = this.extend(type, streamId, held, events, events.at(-1)?.revision ?? held!.revision);
    return stateOf(streamId, snapshot);
  }

  /**
   * The snapshot held for the stream, without reading: it may be behind the stream (another process
   * wrote), so a command may only act on it through an append that expects its revision.
   */
  snapshot<C, E, S>(type: AggregateType<C, E, S>, id: string): AggregateState<S> | undefined {
    const streamId = type.streamId(id);
    const held = this.snapshots.get<S>(streamId);
    return held && stateOf(streamId, held);
  }

  /**
   * After an append at `base`'s revision: the snapshot moves to `revision` with the events written
   * (as stored: JSON), so the next command on the stream need not read them back.
   */
  appended<C, E, S>(type: AggregateType<C, E, S>, id: string, base: AggregateState<S>, events: readonly { id: string; type: string; data: unknown }[], revision: bigint): void {
    const streamId = type.streamId(id);
    const held = base.revision === undefined ? undefined : { revision: base.revision, state: base.state, regionId: base.regionId, eventIds: base.eventIds };
    const stored = events.map((e) => ({ id: e.id, type: e.type, data: JSON.parse(JSON.stringify(e.data ?? null)) as unknown }));
    this.extend(type, streamId, held, stored, revision);
  }

  private extend<C, E, S>(
    type: AggregateType<C, E, S>,
    streamId: string,
    held: Snapshot<S> | undefined,
    events: readonly { id: string; type: string; data: unknown }[],
    revision: bigint,
  ): Snapshot<S> {
    let state = held ? held.state : type.decider.initialState();
    for (const e of events) state = type.decider.evolve(state, { type: e.type, data: e.data } as E, e.id);
    const eventIds = held?.eventIds ?? new Set<string>();
    for (const e of events) eventIds.add(e.id);
    const regionId = held ? held.regionId : (events[0]?.data as { regionId?: RegionId } | undefined)?.regionId;
    const snapshot: Snapshot<S> = { revision, state, regionId, eventIds };
    this.snapshots.put(streamId, snapshot);
    return snapshot;
  }

  async load<C, E, S>(type: AggregateType<C, E, S>, id: string): Promise<LoadedAggregate<S>> {
    const streamId = type.streamId(id);
    const events = await this.store.readStream(streamId);
    const state = fold(
      type.decider,
      events.map((e) => ({ event: { type: e.type, data: e.data } as E, eventId: e.id })),
    );
    return { streamId, revision: events.at(-1)?.revision, events, state };
  }

  /** The aggregate if it exists in this region; otherwise 404, the same answer whether absent or elsewhere. */
  async loadInRegion<C, E, S>(type: AggregateType<C, E, S>, id: string, regionId: RegionId): Promise<LoadedAggregate<S>> {
    const loaded = await this.load(type, id);
    if (loaded.events.length === 0 || regionOfStream(loaded.events) !== regionId) throw notFound(type, id);
    return loaded;
  }

  /** Undefined when the aggregate does not exist (in any region). */
  async find<C, E, S>(type: AggregateType<C, E, S>, id: string): Promise<LoadedAggregate<S> | undefined> {
    const loaded = await this.load(type, id);
    return loaded.events.length === 0 ? undefined : loaded;
  }
}

export const notFound = (type: AggregateType<unknown, unknown, unknown>, id: string) =>
  new DomainErrorException(domainError(type.notFound.code, notFoundDefinition(type.notFound.message), { [`${type.kind}Id`]: id }));
