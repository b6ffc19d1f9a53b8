import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { compareKeys, keysetPage, type ListKey } from '../shared/cursor';
import type { TimePoint } from '../shared/query-params';
import { RegionHistory } from '../shared/region-history';

export const CONFERENCE_STATUSES = ['planned', 'held'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

export interface ConferenceListItem {
  conferenceId: string;
  number: number;
  kind: string;
  /** "9. Bildungskonferenz" */
  label: string;
  title: string;
  motto: string | null;
  /** The planned date (after any rescheduling). */
  date: string;
  heldOn: string | null;
  status: ConferenceStatus;
  topics: string[];
  /** Recommendations adopted at it so far (0 for a planned one: it is listed all the same). */
  recommendationCount: number;
}

export interface ConferenceListResult {
  regionId: string;
  items: ConferenceListItem[];
  nextCursor: string | null;
  total: number;
}

export class ConferenceListQuery extends Query<ConferenceListResult> {
  constructor(
    readonly regionId: string,
    readonly today: TimePoint,
    readonly status: ConferenceStatus | undefined,
    readonly page: { cursor?: string; limit: number },
  ) {
    super();
  }
}

/** By date, then number, then id: the order of the network's own minutes. */
const keyOf = (c: ConferenceListItem): ListKey => [c.date, String(c.number).padStart(6, '0'), c.conferenceId];

/** A region's conferences as registered now (the directory is not time-travelled, like the 404 checks). */
@QueryHandler(ConferenceListQuery)
export class ConferenceListHandler implements IQueryHandler<ConferenceListQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute({ regionId, today, status, page }: ConferenceListQuery): Promise<ConferenceListResult> {
    const snapshot = await this.history.snapshot(regionId, today);
    const counts = new Map<string, number>();
    for (const f of snapshot.facts) counts.set(f.conferenceId, (counts.get(f.conferenceId) ?? 0) + 1);
    const items = [...snapshot.directory.conferences.values()]
      .filter((c) => c.region_id === regionId)
      .map(
        (c): ConferenceListItem => ({
          conferenceId: c.conference_id,
          number: c.number,
          kind: c.kind,
          label: c.label,
          title: c.title,
          motto: c.motto,
          date: c.date,
          heldOn: c.held_on,
          status: c.held_on ? 'held' : 'planned',
          topics: c.topics,
          recommendationCount: counts.get(c.conference_id) ?? 0,
        }),
      )
      .filter((c) => status === undefined || c.status === status)
      .map((item) => ({ key: keyOf(item), item }))
      .sort((a, b) => compareKeys(a.key, b.key));
    return { regionId, ...keysetPage(items, page, 3) };
  }
}
