import type { CalendarDate } from '../history/dates';

/** Who a figure's list names: a recommendation, or one of its assignments. */
export interface RecommendationRef {
  recommendationId: string;
  reference: string;
}
export interface AssignmentRef extends RecommendationRef {
  committeeId: string;
  decidedOn: CalendarDate;
  /** The current due date, where the figure is about reports. */
  dueOn?: CalendarDate;
}

/**
 * A share: `value` = numerator / denominator, or null when the base is empty (no recommendation
 * to judge is not 0 % and must not print as NaN). `counted` are the base's members in the numerator,
 * `notCounted` the rest (e.g. the overdue assignments), for views that list them by name.
 */
export interface Ratio<Item> {
  value: number | null;
  numerator: number;
  denominator: number;
  counted: Item[];
  notCounted: Item[];
}

/** A median over `samples`; null when there are none. */
export interface Median<Item> {
  value: number | null;
  count: number;
  samples: { item: Item; days: number }[];
}

export function ratio<T, Item>(base: readonly T[], isCounted: (member: T) => boolean, toItem: (member: T) => Item): Ratio<Item> {
  const counted = base.filter(isCounted).map(toItem);
  const notCounted = base.filter((member) => !isCounted(member)).map(toItem);
  return {
    value: base.length === 0 ? null : counted.length / base.length,
    numerator: counted.length,
    denominator: base.length,
    counted,
    notCounted,
  };
}

/** Median of an even count: the mean of the two middle values (may end in .5). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function medianOf<Item>(samples: { item: Item; days: number }[]): Median<Item> {
  return { value: median(samples.map((s) => s.days)), count: samples.length, samples };
}
