import { everyOf } from '@app/domain';
import type { Figures } from '@app/figures';

/**
 * The figures in metrics.md's order; a view's table and CSV follow it. Every figure `figures()`
 * computes must be named (the compiler checks), so a new figure cannot be left out of the views.
 */
export const FIGURE_NAMES = everyOf<keyof Figures>()([
  'handoffRate',
  'medianDaysToHandOff',
  'responseRate',
  'reportingCompliance',
  'implementationRate',
  'partialImplementationRate',
  'medianMonthsToImplementation',
  'impactCoverage',
  'indicatorAttainment',
  'sustainabilityRate',
  'lapseRate',
  'unreviewedRate',
  'anchoredRate',
  'stallRate',
  'loopClosureRate',
  'verifiedImplementationRate',
  'unverifiedClaimRate',
  'dueDateRevisionRate',
]);
export type FigureName = (typeof FIGURE_NAMES)[number];

/** A figure without its member lists: the value and what it was computed from ("2 von 3"). */
export interface FigureValue {
  /** null: empty base (shown as "–"), never 0 and never NaN. */
  value: number | null;
  /** Shares and attainment: the counted members (attainment: the sum of scores) and the base. */
  numerator?: number;
  denominator?: number;
  /** Medians: how many samples. */
  count?: number;
  /** medianMonthsToImplementation: the median in days, before the conversion to months. */
  medianDays?: number | null;
}

export type FigureValues = Record<FigureName, FigureValue>;

export function figureValues(figures: Figures): FigureValues {
  const out = {} as FigureValues;
  for (const name of FIGURE_NAMES) {
    const f = figures[name] as { value: number | null; numerator?: number; denominator?: number; count?: number; medianDays?: number | null };
    out[name] = {
      value: f.value,
      ...(f.numerator !== undefined ? { numerator: f.numerator, denominator: f.denominator } : {}),
      ...(f.count !== undefined ? { count: f.count } : {}),
      ...(f.medianDays !== undefined ? { medianDays: f.medianDays } : {}),
    };
  }
  return out;
}
