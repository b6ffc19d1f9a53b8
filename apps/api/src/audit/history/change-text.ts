import type { LifecycleState } from '@app/figures';
import { germanDate, OUTCOME_LABEL } from '@app/figures';

/** domain.md's lifecycle states in German, for "what changed" lines. */
export const LIFECYCLE_LABEL: Record<LifecycleState, string> = {
  adopted: 'beschlossen',
  handed_off: 'übergeben',
  in_progress: 'in Umsetzung',
  implemented: 'umgesetzt',
  partially_implemented: 'teilweise umgesetzt',
  sustained: OUTCOME_LABEL.sustained,
  at_risk: OUTCOME_LABEL.at_risk,
  lapsed: OUTCOME_LABEL.lapsed,
  withdrawn: 'zurückgezogen',
  superseded: 'ersetzt',
  declined: 'abgelehnt',
  not_implemented: 'nicht umgesetzt',
};

/** A stored value as a German reader expects it: dates as 14.09.2019, texts quoted, lists joined. */
export function plainValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(leer)';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? germanDate(value) : `„${value}“`;
  if (typeof value === 'number') return value.toLocaleString('de-DE', { maximumFractionDigits: 4 });
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (Array.isArray(value)) return value.length ? value.map(plainValue).join(', ') : '(keine)';
  return JSON.stringify(value);
}

/** "Berichtsdatum: 24.10.2026 → 23.10.2026" */
export const fieldChangeText = (label: string, before: unknown, after: unknown): string => `${label}: ${plainValue(before)} → ${plainValue(after)}`;

/** "Stand: übergeben → in Umsetzung"; undefined when the event left the state as it was. */
export function lifecycleChangeText(before: LifecycleState | null, after: LifecycleState | null): string | undefined {
  if (before === after) return undefined;
  return `Stand: ${before ? LIFECYCLE_LABEL[before] : '(noch nicht beschlossen)'} → ${after ? LIFECYCLE_LABEL[after] : '(keiner)'}`;
}
