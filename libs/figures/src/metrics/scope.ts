import type { CalendarDate } from '../history/dates';
import type { AssignmentFacts, RecommendationFacts } from '../lifecycle/facts';
import { isRetired } from '../lifecycle/facts';
import type { AssignmentRef, RecommendationRef } from './figure';
import type { FigureParams } from './params';

/** A conference as loopClosureRate needs it: its date is `heldOn` once held, else the planned date. */
export interface ConferenceFacts {
  conferenceId: string;
  number: number;
  date: CalendarDate;
}

export interface FigureContext {
  asOf: CalendarDate;
  params: FigureParams;
  conferences?: readonly ConferenceFacts[];
  /** Committee grouping: hand-off-level figures take this committee's assignments, recommendation-level ones the recommendations it took on. */
  committeeId?: string;
}

export interface Assignment {
  recommendation: RecommendationFacts;
  assignment: AssignmentFacts;
}

/** Took it on: accepted, or still pending (a declined or withdrawn-while-pending hand-off did not reach the committee's desk). */
const tookOn = (a: AssignmentFacts): boolean => a.answer === 'accepted' || a.state === 'pending';

/**
 * The recommendations a figure's base draws from: withdrawn and superseded ones left out
 * (metrics.md), and under a committee grouping those handed off to it and taken on.
 */
export function recommendationsIn(facts: readonly RecommendationFacts[], ctx: FigureContext): RecommendationFacts[] {
  return facts.filter(
    (f) => !isRetired(f) && (ctx.committeeId === undefined || f.handOffs.some((a) => a.committeeId === ctx.committeeId && tookOn(a))),
  );
}

/** The assignments of non-retired recommendations, under a committee grouping only that committee's. */
export function assignmentsIn(facts: readonly RecommendationFacts[], ctx: FigureContext): Assignment[] {
  return facts
    .filter((f) => !isRetired(f))
    .flatMap((recommendation) => recommendation.handOffs.map((assignment) => ({ recommendation, assignment })))
    .filter(({ assignment }) => ctx.committeeId === undefined || assignment.committeeId === ctx.committeeId);
}

export const refOf = (f: RecommendationFacts): RecommendationRef => ({ recommendationId: f.recommendationId, reference: f.reference });

export const assignmentRefOf = ({ recommendation, assignment }: Assignment, dueOn?: CalendarDate): AssignmentRef => ({
  ...refOf(recommendation),
  committeeId: assignment.committeeId,
  decidedOn: assignment.decidedOn,
  ...(dueOn !== undefined ? { dueOn } : {}),
});
