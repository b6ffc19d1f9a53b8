import type { ImplementationStatus } from '@app/domain';
import { normalizeName } from '../mapping';

/** What the "Stand" column says: a status report of the committees, or the recommendation withdrawn. */
export type ImportedStatus =
  | { kind: 'report'; status: ImplementationStatus; label: string; note?: string }
  | { kind: 'withdrawn'; label: string; note?: string };

/** The German words of the interface (and their common variants) for the domain's status values. */
const STATUS_WORDS: Record<string, ImplementationStatus> = {
  'nicht begonnen': 'not_started',
  offen: 'not_started',
  geplant: 'planned',
  'in umsetzung': 'in_progress',
  'in arbeit': 'in_progress',
  'in bearbeitung': 'in_progress',
  begonnen: 'in_progress',
  'teilweise umgesetzt': 'partially_implemented',
  umgesetzt: 'implemented',
  erledigt: 'implemented',
  'nicht umgesetzt': 'not_implemented',
  blockiert: 'blocked',
};
const WITHDRAWN_WORDS = new Set(['zurückgezogen', 'zurueckgezogen']);
const NEEDS_REASON: readonly ImplementationStatus[] = ['not_implemented', 'blocked'];

export const KNOWN_STATUS_WORDS = [...Object.keys(STATUS_WORDS), 'zurückgezogen'];

/**
 * "umgesetzt", "in Umsetzung", "nicht umgesetzt: keine Haushaltsmittel": the word before a colon is
 * the status, the text after it the reason (required for "nicht umgesetzt", "blockiert" and
 * "zurückgezogen", because the domain requires one and the list is the only witness).
 */
export function parseStatus(text: string): ImportedStatus | { error: string } {
  const colon = text.indexOf(':');
  const word = normalizeName(colon >= 0 ? text.slice(0, colon) : text);
  const note = colon >= 0 ? text.slice(colon + 1).trim() || undefined : undefined;
  const label = text.trim();
  if (WITHDRAWN_WORDS.has(word)) {
    return note ? { kind: 'withdrawn', label, note } : { error: '„zurückgezogen“ braucht einen Grund: „zurückgezogen: <Grund>“.' };
  }
  const status = STATUS_WORDS[word];
  if (!status) return { error: `„${label}“ ist kein bekannter Stand (erlaubt: ${KNOWN_STATUS_WORDS.map((w) => `„${w}“`).join(', ')}).` };
  if (NEEDS_REASON.includes(status) && !note) return { error: `„${word}“ braucht eine Begründung: „${word}: <Grund>“.` };
  return { kind: 'report', status, label, ...(note ? { note } : {}) };
}
