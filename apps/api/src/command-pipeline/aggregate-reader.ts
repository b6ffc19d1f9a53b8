import { Inject, Injectable } from '@nestjs/common';
import { domainError, fold, notFound as notFoundDefinition, type RegionId } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { AggregateType } from './aggregates';
import { DomainErrorException } from './command-errors';

/** An aggregate as its stream shows it now. */
export interface LoadedAggregate<S> {
  streamId: string;
  /** Last revision, undefined if the stream does not exist. */
  revision: bigint | undefined;
  events: RecordedEvent[];
  state: S;
}

/** Every event names its region in its data; an aggregate of another region does not exist here. */
export const regionOfStream = (events: RecordedEvent[]): RegionId | undefined =>
  (events[0]?.data as { regionId?: RegionId } | undefined)?.regionId;

/** Reads streams and folds them with the domain's deciders; shared by commands, GETs and cross-aggregate facts. */
@Injectable()
export class AggregateReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

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
