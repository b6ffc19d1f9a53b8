import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { compareKeys, keysetPage, type ListKey } from '../shared/cursor';
import type { TimePoint } from '../shared/query-params';
import { RegionHistory } from '../shared/region-history';

export const COMMITTEE_STATUSES = ['active', 'dissolved'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

export interface CommitteeListItem {
  committeeId: string;
  name: string;
  shortName: string;
  kind: string;
  fieldsOfAction: string[];
  status: CommitteeStatus;
  dissolvedOn: string | null;
  successorCommitteeId: string | null;
}

export interface CommitteeListResult {
  regionId: string;
  items: CommitteeListItem[];
  nextCursor: string | null;
  total: number;
}

export class CommitteeListQuery extends Query<CommitteeListResult> {
  constructor(
    readonly regionId: string,
    readonly today: TimePoint,
    readonly status: CommitteeStatus | undefined,
    readonly page: { cursor?: string; limit: number },
  ) {
    super();
  }
}

/** By name in German order, then id. */
const keyOf = (c: CommitteeListItem): ListKey => [c.name, c.committeeId];
const NATURAL = [0];

/** A region's committees as registered now (renamed: the current name; dissolved: with the day). */
@QueryHandler(CommitteeListQuery)
export class CommitteeListHandler implements IQueryHandler<CommitteeListQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute({ regionId, today, status, page }: CommitteeListQuery): Promise<CommitteeListResult> {
    const snapshot = await this.history.snapshot(regionId, today);
    const items = [...snapshot.directory.committees.values()]
      .filter((c) => c.region_id === regionId)
      .map(
        (c): CommitteeListItem => ({
          committeeId: c.committee_id,
          name: c.name,
          shortName: c.short_name,
          kind: c.kind,
          fieldsOfAction: c.fields_of_action,
          status: c.dissolved_on ? 'dissolved' : 'active',
          dissolvedOn: c.dissolved_on,
          successorCommitteeId: c.successor_committee_id,
        }),
      )
      .filter((c) => status === undefined || c.status === status)
      .map((item) => ({ key: keyOf(item), item }))
      .sort((a, b) => compareKeys(a.key, b.key, NATURAL));
    return { regionId, ...keysetPage(items, page, 2, NATURAL) };
  }
}
