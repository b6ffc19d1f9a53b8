import { addMonths, type CalendarDate } from '../history/dates';
import type { RecommendationFacts, ReviewFacts } from '../lifecycle/facts';
import { implementationDateOf, latestReviewFrom } from '../lifecycle/lifecycle';
import { ratio, type Ratio, type RecommendationRef } from './figure';
import { recommendationsIn, refOf, type FigureContext } from './scope';

export interface ReviewItem extends RecommendationRef {
  implementedOn: CalendarDate;
  /** The first day a review counts: M months after implementation. */
  reviewDueOn: CalendarDate;
  review?: ReviewFacts;
}

/**
 * The sustainability base: implemented, fully or partly, at least M months before `asOf`, each with
 * its latest review dated M months or more after implementation (if any).
 */
export function reviewBase(facts: readonly RecommendationFacts[], ctx: FigureContext): ReviewItem[] {
  const M = ctx.params.reviewMonths;
  return recommendationsIn(facts, ctx).flatMap((f) => {
    const implementedOn = implementationDateOf(f);
    if (implementedOn === undefined) return [];
    const reviewDueOn = addMonths(implementedOn, M);
    if (reviewDueOn > ctx.asOf) return [];
    const review = latestReviewFrom(f, reviewDueOn);
    return [{ ...refOf(f), implementedOn, reviewDueOn, ...(review ? { review } : {}) }];
  });
}

const byOutcome = (facts: readonly RecommendationFacts[], ctx: FigureContext, test: (item: ReviewItem) => boolean): Ratio<ReviewItem> =>
  ratio(reviewBase(facts, ctx), test, (item) => item);

export const sustainabilityRate = (facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<ReviewItem> =>
  byOutcome(facts, ctx, (item) => item.review?.outcome === 'sustained');

export const lapseRate = (facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<ReviewItem> =>
  byOutcome(facts, ctx, (item) => item.review?.outcome === 'lapsed');

/** `counted` lists the recommendations due for review and not reviewed: the blind spot. */
export const unreviewedRate = (facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<ReviewItem> =>
  byOutcome(facts, ctx, (item) => item.review === undefined);

/** Among those `sustainabilityRate` counts as sustained: share whose review names `budget` or `regular_structure`. */
export function anchoredRate(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<ReviewItem> {
  const sustained = reviewBase(facts, ctx).filter((item) => item.review?.outcome === 'sustained');
  return ratio(sustained, (item) => item.review!.anchoring.some((a) => a === 'budget' || a === 'regular_structure'), (item) => item);
}
