import { daysBetween, daysToMonths, isWithinMonths, type CalendarDate } from '../history/dates';
import type { RecommendationFacts } from '../lifecycle/facts';
import { medianOf, ratio, type Median, type Ratio, type RecommendationRef } from './figure';
import { recommendationsIn, refOf, type FigureContext } from './scope';

export function reachedWithin(facts: readonly RecommendationFacts[], ctx: FigureContext, dateOf: (f: RecommendationFacts) => CalendarDate | undefined) {
  const H = ctx.params.implementationMonths;
  return ratio(
    recommendationsIn(facts, ctx),
    (f) => {
      const on = dateOf(f);
      return on !== undefined && isWithinMonths(f.adoptedOn, on, H);
    },
    refOf,
  );
}

/**
 * Share of the cohort standing `implemented` at `asOf`, reached within H months of adoption (on or
 * before the same calendar day H months later). metrics.md names no not-yet-due exclusion here,
 * so a young cohort's rate reads "so far".
 */
export const implementationRate = (facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<RecommendationRef> =>
  reachedWithin(facts, ctx, (f) => f.implementedOn);

/** Likewise for `partially_implemented`. */
export const partialImplementationRate = (facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<RecommendationRef> =>
  reachedWithin(facts, ctx, (f) => f.partiallyImplementedOn);

/** Median months (days / 30.4375, one decimal) from adoption to `implemented`, over those implemented. */
export function medianMonthsToImplementation(
  facts: readonly RecommendationFacts[],
  ctx: FigureContext,
): Median<RecommendationRef> & { medianDays: number | null } {
  const days = medianOf(
    recommendationsIn(facts, ctx).flatMap((f) =>
      f.implementedOn === undefined ? [] : [{ item: refOf(f), days: daysBetween(f.adoptedOn, f.implementedOn) }],
    ),
  );
  return { ...days, value: days.value === null ? null : daysToMonths(days.value), medianDays: days.value };
}
