import { daysBetween, type CalendarDate } from '../history/dates';
import { isOverdue, type RecommendationFacts } from '../lifecycle/facts';
import { medianOf, ratio, type AssignmentRef, type Median, type Ratio, type RecommendationRef } from './figure';
import { assignmentRefOf, assignmentsIn, recommendationsIn, refOf, type FigureContext } from './scope';

/** The first hand-off's decision date, whatever became of that hand-off. */
export const firstHandOffOn = (f: RecommendationFacts): CalendarDate | undefined =>
  f.handOffs.map((a) => a.decidedOn).sort()[0];

/**
 * Share with a first hand-off within D days of adoption. Not yet due is not late: left out are
 * those adopted fewer than D days before `asOf` with no hand-off yet (on day D it is late).
 */
export function handoffRate(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<RecommendationRef> {
  const D = ctx.params.handoffDays;
  const base = recommendationsIn(facts, ctx).filter((f) => firstHandOffOn(f) !== undefined || daysBetween(f.adoptedOn, ctx.asOf) >= D);
  return ratio(
    base,
    (f) => {
      const first = firstHandOffOn(f);
      return first !== undefined && daysBetween(f.adoptedOn, first) <= D;
    },
    refOf,
  );
}

/** Median days from adoption to the first hand-off, over those handed off. */
export function medianDaysToHandOff(facts: readonly RecommendationFacts[], ctx: FigureContext): Median<RecommendationRef> {
  return medianOf(
    recommendationsIn(facts, ctx).flatMap((f) => {
      const first = firstHandOffOn(f);
      return first === undefined ? [] : [{ item: refOf(f), days: daysBetween(f.adoptedOn, first) }];
    }),
  );
}

/**
 * Share of hand-offs accepted or declined within D days of `decidedOn`. Left out: hand-offs withdrawn
 * while pending, and those pending fewer than D days; one pending D days or longer is not answered.
 */
export function responseRate(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<AssignmentRef> {
  const D = ctx.params.responseDays;
  const base = assignmentsIn(facts, ctx).filter(
    ({ assignment: a }) => !a.withdrawnWhilePending && (a.answeredOn !== undefined || daysBetween(a.decidedOn, ctx.asOf) >= D),
  );
  return ratio(
    base,
    ({ assignment: a }) => a.answeredOn !== undefined && daysBetween(a.decidedOn, a.answeredOn) <= D,
    (member) => assignmentRefOf(member),
  );
}

/** Share of accepted assignments not overdue at `asOf`; `notCounted` lists the overdue ones with their due date. */
export function reportingCompliance(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<AssignmentRef> {
  const base = assignmentsIn(facts, ctx).filter(({ assignment }) => assignment.state === 'accepted');
  return ratio(
    base,
    ({ assignment }) => !isOverdue(assignment, ctx.asOf),
    (member) => assignmentRefOf(member, member.assignment.currentDueOn),
  );
}
