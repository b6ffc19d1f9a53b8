import type { CalendarDate } from '@app/domain';

/** 'YYYY-MM-DD' → '14.09.2019'. */
export function germanDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

const germanNumber = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4 });
/** 1234.5 → '1.234,5'. */
export const number = (value: number): string => germanNumber.format(value);
/** German quotation marks: „…“. */
export const quoted = (text: string): string => `„${text}“`;
/** A sentence ends in exactly one full stop, whatever the user typed. */
export const sentence = (text: string): string => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
export const because = (reason: string): string => ` Grund: ${sentence(reason)}`;
/** "a, b und c". */
export const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
export const capitalized = (text: string): string => text[0]!.toUpperCase() + text.slice(1);
