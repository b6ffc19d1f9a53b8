import type { CorrectableEventType } from '@app/domain';
import { ANCHORING_LABEL, OUTCOME_LABEL, STATUS_LABEL } from './labels';
import { capitalized, germanDate, list, number, quoted } from './words';

/** What a sentence needs besides the event: names as they stood when the event was projected. */
export interface DescribeContext {
  committeeName(committeeId: string): string | undefined;
  /** "9. Bildungskonferenz" */
  conferenceLabel(conferenceId: string): string | undefined;
  indicator(indicatorId: string): { name: string; unit: string } | undefined;
  /** For `EntryCorrected`: the corrected entry as the earlier corrections left it (sentenceOf finds it). */
  corrected?: { type: CorrectableEventType; data: Record<string, unknown> };
  /** For a committee's own events: its names before this event (renames say from what). */
  committeeBefore?: { name: string };
}

/** The names the public page may use. */
export type PublicContext = Pick<DescribeContext, 'committeeName' | 'conferenceLabel' | 'indicator'>;

export function committee(ctx: PublicContext, id: string): string {
  const name = ctx.committeeName(id);
  return name ? `das Gremium ${quoted(name)}` : 'ein nicht registriertes Gremium';
}
export const Committee = (ctx: PublicContext, id: string): string => capitalized(committee(ctx, id));
/** Genitive: "des Gremiums „…“". */
export function ofCommittee(ctx: PublicContext, id: string): string {
  const name = ctx.committeeName(id);
  return name ? `des Gremiums ${quoted(name)}` : 'eines nicht registrierten Gremiums';
}
export function conference(ctx: PublicContext, id: string): string {
  return ctx.conferenceLabel(id) ?? 'eine nicht registrierte Konferenz';
}

/** A field's value in a correction's "von … auf …". */
export function valueText(field: string, value: unknown, ctx: PublicContext): string {
  if (value === undefined || value === null || value === '') return '(leer)';
  if (field === 'status' && typeof value === 'string') return quoted(STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? value);
  if (field === 'outcome' && typeof value === 'string') return quoted(OUTCOME_LABEL[value as keyof typeof OUTCOME_LABEL] ?? value);
  if (field === 'anchoring' && Array.isArray(value)) return list(value.map((a) => ANCHORING_LABEL[a as keyof typeof ANCHORING_LABEL] ?? String(a)));
  if (field === 'progressPercent' && typeof value === 'number') return `${number(value)} %`;
  if (field === 'originCommitteeIds' && Array.isArray(value)) return list(value.map((id) => quoted(ctx.committeeName(String(id)) ?? String(id))));
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? germanDate(value) : quoted(value);
  if (typeof value === 'number') return number(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return list(value.map((v) => quoted(v)));
  if (typeof value === 'object' && 'value' in (value as object)) {
    const v = value as { value: number; on?: string; dueOn?: string };
    const when = v.on ?? v.dueOn;
    return `${number(v.value)}${when ? ` (${germanDate(when)})` : ''}`;
  }
  return 'geändert';
}
