import { checkBusinessDate } from '../shared/business-rules';
import type { CalendarDate } from '../shared/calendar-date';
import type { DomainError } from '../shared/domain-error';
import type { CommitteeId } from '../shared/ids';
import type { Actor } from '../shared/metadata';
import { recommendationError, type RecommendationErrorCode } from './errors';
import type { AdoptedRecommendation } from './state';

type Problem = DomainError<RecommendationErrorCode> | undefined;

/** Rule 1: withdrawn and superseded recommendations take no further work. */
export function checkNotTerminal(state: AdoptedRecommendation): Problem {
  if (state.terminal === undefined) return undefined;
  return recommendationError(state.terminal === 'withdrawn' ? 'recommendation.withdrawn' : 'recommendation.superseded', {
    recommendationId: state.recommendationId,
  });
}

/** Rule 7: a business date is a real day, not in the future, and not before the adoption. */
export function checkDateSinceAdoption(state: AdoptedRecommendation, field: string, value: CalendarDate, today: CalendarDate): Problem {
  const problem = checkBusinessDate(field, value, today);
  if (problem) return problem;
  if (value < state.adoptedOn) return recommendationError('date.before-adoption', { field, value, adoptedOn: state.adoptedOn });
  return undefined;
}

/**
 * Rule 3 (and its use for reports): a committee member acts only for the committees it is scoped
 * to; the office may act for any committee, but if it names one (`onBehalfOf`), it must be this one.
 */
export function actsFor(actor: Actor, committeeId: CommitteeId): boolean {
  if (actor.role === 'office') return actor.onBehalfOf === undefined || actor.onBehalfOf === committeeId;
  return actor.role === 'committee' && actor.committeeIds.includes(committeeId);
}
