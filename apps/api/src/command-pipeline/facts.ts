import { Injectable } from '@nestjs/common';
import { conferenceDateOf, type CommitteeFacts, type ConferenceFacts, type NamedCommittees, type RegionId, type SuccessorFacts } from '@app/domain';
import { AggregateReader } from './aggregate-reader';
import { committeeAggregate, conferenceAggregate, recommendationAggregate, regionAggregate } from './aggregates';

/**
 * Facts from other streams that a command's rules need (the domain's `context`), read just before
 * deciding. Absent means "not found"; the domain decides what that means (and checks the region).
 */
@Injectable()
export class FactsReader {
  /** Regions known to exist. A region, once registered, never ends (it has no such event), so a yes stays true. */
  private readonly knownRegions = new Set<RegionId>();

  constructor(private readonly reader: AggregateReader) {}

  async regionExists(regionId: RegionId): Promise<boolean> {
    if (this.knownRegions.has(regionId)) return true;
    const exists = (await this.reader.loadState(regionAggregate, regionId)).revision !== undefined;
    if (exists && this.knownRegions.size < 10_000) this.knownRegions.add(regionId);
    return exists;
  }

  async conference(id: string | undefined): Promise<ConferenceFacts | undefined> {
    if (id === undefined) return undefined;
    const { state } = await this.reader.loadState(conferenceAggregate, id);
    const date = conferenceDateOf(state);
    return state.status !== 'unscheduled' && date ? { regionId: state.regionId, date } : undefined;
  }

  async committee(id: string | undefined): Promise<CommitteeFacts | undefined> {
    if (id === undefined) return undefined;
    const { state } = await this.reader.loadState(committeeAggregate, id);
    return state.status !== 'unregistered' ? { regionId: state.regionId, dissolved: state.status === 'dissolved' } : undefined;
  }

  /** The named committees that exist (in any region; the domain checks the region). */
  async committees(ids: readonly string[]): Promise<NamedCommittees> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map(async (id) => [id, await this.committee(id)] as const));
    return Object.fromEntries(found.filter((entry): entry is readonly [string, CommitteeFacts] => entry[1] !== undefined));
  }

  async recommendation(id: string | undefined): Promise<SuccessorFacts | undefined> {
    if (id === undefined) return undefined;
    const { state } = await this.reader.loadState(recommendationAggregate, id);
    return state.status !== 'none' ? { regionId: state.regionId, adoptedOn: state.adoptedOn } : undefined;
  }
}
