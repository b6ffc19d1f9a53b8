import { daysBetween, type CalendarDate } from '../history/dates';
import { isActive, type RecommendationFacts, type ReviewFacts } from './facts';

/** domain.md "Lifecycle of a recommendation". */
export type LifecycleState =
  | 'adopted'
  | 'handed_off'
  | 'in_progress'
  | 'implemented'
  | 'partially_implemented'
  | 'sustained'
  | 'at_risk'
  | 'lapsed'
  | 'withdrawn'
  | 'superseded'
  | 'declined'
  | 'not_implemented';

export interface Lifecycle {
  state: LifecycleState;
  /** Still adopted, handed off or in progress with no event dated within the 180 days before `asOf`. */
  stalled: boolean;
}

export const STALL_DAYS = 180;

/** The states `stallRate` counts (metrics.md "Stalled"). */
export const OPEN_STATES: readonly LifecycleState[] = ['adopted', 'handed_off', 'in_progress'];

/** The date the recommendation became implemented or partially implemented, if it stands so. */
export const implementationDateOf = (f: RecommendationFacts): CalendarDate | undefined => f.implementedOn ?? f.partiallyImplementedOn;

/** The latest review dated on or after `from`. */
export function latestReviewFrom(f: RecommendationFacts, from: CalendarDate): ReviewFacts | undefined {
  return f.reviews.filter((r) => r.reviewedOn >= from).at(-1);
}

/** Silent: no event of the stream dated within the `STALL_DAYS` before `asOf` (day 180 still counts as recent). */
export const isSilent = (f: RecommendationFacts, asOf: CalendarDate, stallDays = STALL_DAYS): boolean =>
  daysBetween(f.lastEventOn, asOf) > stallDays;

function stateOf(f: RecommendationFacts): LifecycleState {
  if (f.withdrawnOn !== undefined) return 'withdrawn';
  if (f.supersededOn !== undefined) return 'superseded';
  const implementedOn = implementationDateOf(f);
  if (implementedOn !== undefined) {
    // A review before the current implementation speaks of an earlier standing, not of this one.
    const review = latestReviewFrom(f, implementedOn);
    if (review) return review.outcome;
    return f.implementedOn !== undefined ? 'implemented' : 'partially_implemented';
  }
  if (f.notImplementedOn !== undefined) return 'not_implemented';
  const active = f.handOffs.filter(isActive);
  if (active.length === 0) return f.handOffs.length > 0 ? 'declined' : 'adopted';
  if (active.some((a) => a.state === 'accepted' && a.lastReport !== undefined)) return 'in_progress';
  return 'handed_off';
}

export function lifecycleOf(f: RecommendationFacts, asOf: CalendarDate, stallDays = STALL_DAYS): Lifecycle {
  const state = stateOf(f);
  return { state, stalled: OPEN_STATES.includes(state) && isSilent(f, asOf, stallDays) };
}
