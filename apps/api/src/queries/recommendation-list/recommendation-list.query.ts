import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { addDays, DEFAULT_PARAMS, isActive, lifecycleOf, yearOf, type AssignmentFacts, type LifecycleState, type RecommendationFacts } from '@app/figures';
import { committeeName, conferenceLabelOf } from '../shared/labels';
import type { TimePoint } from '../shared/query-params';
import { RegionHistory, requireConference, type RegionSnapshot } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';
import { compareKeys, keysetPage, type ListKey } from '../shared/cursor';
import { keptAnswer } from '../shared/kept-answer';

export interface ListFilters {
  conferenceId?: string;
  year?: number;
  lifecycle?: LifecycleState;
  /** Recommendations handed off to this committee (whatever became of the hand-off). */
  committeeId?: string;
  fieldOfAction?: string;
  stalled?: boolean;
}

export interface RecommendationListItem {
  recommendationId: string;
  reference: string;
  title: string;
  conferenceId: string;
  conference: string;
  adoptedOn: string;
  fieldsOfAction: string[];
  lifecycle: LifecycleState;
  stalled: boolean;
  committees: ListedHandOff[];
  /** Earliest current due date among active assignments that can still be overdue. */
  nextReportDueOn: string | null;
  overdue: boolean;
}

/** One hand-off as a work list needs it: when it was decided, when the answer and the next report are due. */
export interface ListedHandOff {
  committeeId: string;
  name: string;
  state: string;
  decidedOn: string;
  /** Pending only: `decidedOn` plus responseRate's D (metrics.md, 60 days); null once answered or withdrawn. */
  answerDueOn: string | null;
  /** The assignment's current due date (metrics.md); null when nothing is due or the hand-off is no longer active. */
  dueOn: string | null;
  overdue: boolean;
}

const listedHandOff = (a: AssignmentFacts, name: string): ListedHandOff => ({
  committeeId: a.committeeId,
  name,
  state: a.state,
  decidedOn: a.decidedOn,
  answerDueOn: a.state === 'pending' ? addDays(a.decidedOn, DEFAULT_PARAMS.responseDays) : null,
  // A declined or withdrawn hand-off owes nothing.
  dueOn: isActive(a) ? (a.currentDueOn ?? null) : null,
  overdue: a.overdue,
});

export interface RecommendationListResult extends TimePointView {
  regionId: string;
  items: RecommendationListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many items match the filters, on all pages together. */
  total: number;
}

export class RecommendationListQuery extends Query<RecommendationListResult> {
  constructor(
    readonly regionId: string,
    readonly point: TimePoint,
    readonly filters: ListFilters,
    /** Undefined: every matching item (the CSV export). */
    readonly page: { cursor?: string; limit: number } | undefined,
  ) {
    super();
  }
}

/** Sorted by adoption date, reference (numeric-aware: "9. BK / 10" after "9. BK / 9"), id. */
const keyOf = (f: RecommendationFacts): ListKey => [f.adoptedOn, f.reference, f.recommendationId];
const NATURAL = [1];

function itemOf(snapshot: RegionSnapshot, f: RecommendationFacts): RecommendationListItem {
  const asOf = snapshot.point.asOf;
  const lifecycle = lifecycleOf(f, asOf);
  const due = f.handOffs
    .filter((a) => isActive(a) && a.currentDueOn !== undefined && a.lastReport?.status !== 'implemented' && a.lastReport?.status !== 'not_implemented')
    .map((a) => a.currentDueOn!)
    .sort();
  return {
    recommendationId: f.recommendationId,
    reference: f.reference,
    title: f.title,
    conferenceId: f.conferenceId,
    conference: conferenceLabelOf(snapshot, f.conferenceId),
    adoptedOn: f.adoptedOn,
    fieldsOfAction: f.fieldsOfAction,
    lifecycle: lifecycle.state,
    stalled: lifecycle.stalled,
    committees: f.handOffs.map((a) => listedHandOff(a, committeeName(snapshot, a.committeeId))),
    nextReportDueOn: due[0] ?? null,
    overdue: f.handOffs.some((a) => a.overdue),
  };
}

/** The recommendation list: facts replayed at the time point, filtered, in a stable order, a keyset page. */
@QueryHandler(RecommendationListQuery)
export class RecommendationListHandler implements IQueryHandler<RecommendationListQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute(query: RecommendationListQuery): Promise<RecommendationListResult> {
    const { regionId, point, filters, page } = query;
    const snapshot = await this.history.snapshot(regionId, point);
    return keptAnswer(snapshot, query, () => {
      if (filters.conferenceId !== undefined) requireConference(snapshot, filters.conferenceId);
      const matching = snapshot.facts
        .filter(
          (f) =>
            (filters.conferenceId === undefined || f.conferenceId === filters.conferenceId) &&
            (filters.year === undefined || yearOf(f.adoptedOn) === filters.year) &&
            (filters.committeeId === undefined || f.handOffs.some((a) => a.committeeId === filters.committeeId)) &&
            (filters.fieldOfAction === undefined || f.fieldsOfAction.includes(filters.fieldOfAction)),
        )
        .map((f) => ({ key: keyOf(f), item: itemOf(snapshot, f) }))
        .filter(({ item }) => (filters.lifecycle === undefined || item.lifecycle === filters.lifecycle) && (filters.stalled === undefined || item.stalled === filters.stalled))
        .sort((a, b) => compareKeys(a.key, b.key, NATURAL));
      const shown = page ? keysetPage(matching, page, 3, NATURAL) : { items: matching.map(({ item }) => item), nextCursor: null, total: matching.length };
      return { ...timePointView(point, snapshot.source), regionId, ...shown };
    });
  }
}
