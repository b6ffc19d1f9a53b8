import { daysBetween } from '../history/dates';
import { isClaim, type RecommendationFacts } from '../lifecycle/facts';
import { ratio, type AssignmentRef, type Ratio, type RecommendationRef } from './figure';
import { reachedWithin } from './implementation';
import { assignmentRefOf, assignmentsIn, type FigureContext } from './scope';

/** Share of the cohort that reached *verified implemented* within H months of adoption (metrics.md). */
export const verifiedImplementationRate = (facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<RecommendationRef> =>
  reachedWithin(facts, ctx, (f) => f.verifiedImplementedOn);

/**
 * Among claims reported at least V days before `asOf` (day V counts): share with no confirmation
 * dated on or before `asOf`. A returned claim is no claim any more, so it leaves the base; the
 * facts hold only what is dated on or before `asOf`. `counted` lists the unverified ones.
 */
export function unverifiedClaimRate(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<AssignmentRef> {
  const V = ctx.params.verificationDays;
  const base = assignmentsIn(facts, ctx).filter(
    ({ assignment }) => isClaim(assignment) && daysBetween(assignment.lastReport!.reportedOn, ctx.asOf) >= V,
  );
  return ratio(
    base,
    ({ assignment }) => assignment.lastReport!.confirmedOn === undefined,
    (member) => assignmentRefOf(member),
  );
}

/** Share of accepted assignments with at least one report due date revision dated on or before `asOf`. */
export function dueDateRevisionRate(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<AssignmentRef> {
  const base = assignmentsIn(facts, ctx).filter(({ assignment }) => assignment.state === 'accepted');
  return ratio(
    base,
    ({ assignment }) => (assignment.revisions ?? []).some((r) => r.decidedOn <= ctx.asOf),
    (member) => assignmentRefOf(member, member.assignment.currentDueOn),
  );
}
