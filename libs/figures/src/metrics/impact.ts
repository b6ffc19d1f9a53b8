import type { IndicatorFacts, RecommendationFacts } from '../lifecycle/facts';
import { implementationDateOf } from '../lifecycle/lifecycle';
import { ratio, type Ratio, type RecommendationRef } from './figure';
import { recommendationsIn, refOf, type FigureContext } from './scope';

/**
 * Share of recommendations standing implemented or partially implemented with at least one
 * indicator measured strictly after the implementation date (a measurement that day shows the
 * starting point, not an effect).
 */
export function impactCoverage(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<RecommendationRef> {
  const base = recommendationsIn(facts, ctx).filter((f) => implementationDateOf(f) !== undefined);
  return ratio(
    base,
    (f) => f.indicators.some((i) => i.measurements.some((m) => m.measuredOn > implementationDateOf(f)!)),
    refOf,
  );
}

export interface IndicatorScore extends RecommendationRef {
  indicatorId: string;
  name: string;
  latest: number;
  /** Unclipped progress share; null when the target does not lie beyond the baseline in the indicator's direction. */
  raw: number | null;
  /** Clipped to [0, 1.5]; null as above (such an indicator is left out of the mean). */
  score: number | null;
}

export const ATTAINMENT_CAP = 1.5;

/**
 * (latest − baseline) / (target − baseline), measured in the indicator's direction: for `decrease`
 * both differences are taken the other way round, so falling below the baseline is progress. A
 * target not beyond the baseline in that direction has no scale and is left out (listed with score null).
 */
export function scoreIndicator(indicator: IndicatorFacts): { latest: number; raw: number | null; score: number | null } | undefined {
  const latest = indicator.measurements.at(-1)?.value;
  if (latest === undefined) return undefined;
  const sign = indicator.direction === 'increase' ? 1 : -1;
  const span = sign * (indicator.target.value - indicator.baseline.value);
  if (!(span > 0)) return { latest, raw: null, score: null };
  const raw = (sign * (latest - indicator.baseline.value)) / span;
  return { latest, raw, score: Math.min(ATTAINMENT_CAP, Math.max(0, raw)) };
}

/**
 * Mean score over the measured indicators of the base (numerator: sum of scores; denominator:
 * number of scored indicators). Under a committee grouping, that committee's indicators.
 */
export function indicatorAttainment(
  facts: readonly RecommendationFacts[],
  ctx: FigureContext,
): { value: number | null; numerator: number; denominator: number; indicators: IndicatorScore[] } {
  const indicators = recommendationsIn(facts, { ...ctx, committeeId: undefined })
    .flatMap((f) =>
      f.indicators
        .filter((i) => ctx.committeeId === undefined || i.committeeId === ctx.committeeId)
        .flatMap((i): IndicatorScore[] => {
          const scored = scoreIndicator(i);
          return scored ? [{ ...refOf(f), indicatorId: i.indicatorId, name: i.name, ...scored }] : [];
        }),
    );
  const scores = indicators.flatMap((i) => (i.score === null ? [] : [i.score]));
  const sum = scores.reduce((a, b) => a + b, 0);
  return { value: scores.length === 0 ? null : sum / scores.length, numerator: sum, denominator: scores.length, indicators };
}
