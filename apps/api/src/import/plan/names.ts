import type { CommitteeKind, ConferenceKind } from '@app/domain';
import { normalizeName } from '../mapping';

/** "9. BK", "9. Bildungskonferenz", "1. Tag der Bildung" → number and kind; otherwise undefined. */
export function conferenceOfName(name: string): { number: number; kind: ConferenceKind } | undefined {
  const match = /^(\d{1,3})\s*\.?\s*(bk|bildungskonferenz|tdb|tag der bildung)$/.exec(normalizeName(name));
  if (!match) return undefined;
  return { number: Number(match[1]), kind: match[2] === 'bk' || match[2] === 'bildungskonferenz' ? 'bildungskonferenz' : 'tag_der_bildung' };
}

/** The short form used in references: "9. BK", "1. TdB". */
export const conferenceShort = (number: number, kind: ConferenceKind) => `${number}. ${kind === 'bildungskonferenz' ? 'BK' : 'TdB'}`;

/** A guess from the name a list gives; the office can correct it later (RenameCommittee has no kind, so the preview shows it). */
export function committeeKindOf(name: string): CommitteeKind {
  const n = normalizeName(name);
  if (/ausschuss|rat\b|beirat/.test(n)) return 'ausschuss';
  if (/^amt\b|amt$|\bamt für\b|dezernat|verwaltung|jugendamt|schulverwaltung/.test(n)) return 'verwaltung';
  if (/kammer|agentur|jobcenter|hochschule|universität/.test(n)) return 'extern';
  return 'fachgremium';
}

/** Names of up to 50 characters stand as they are; longer ones are shortened to their initials. */
export function shortNameOf(name: string): string {
  if (name.length <= 50) return name;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-ZÄÖÜ]/.test(w))
    .map((w) => w[0])
    .join('');
  return (initials.length >= 2 ? initials : name).slice(0, 50);
}
