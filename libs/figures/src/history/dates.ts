/**
 * Calendar arithmetic on business dates ('YYYY-MM-DD'). Days are counted on UTC midnights so no
 * time zone or daylight-saving shift can add or lose a day; business dates carry no zone.
 */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
/** metrics.md: "months" as a duration are days / 30.4375 (the mean Gregorian month). */
export const DAYS_PER_MONTH = 30.4375;

function parse(date: CalendarDate): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Kein Kalenderdatum: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function format(y: number, m: number, d: number): CalendarDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function toUtcMs(date: CalendarDate): number {
  const { y, m, d } = parse(date);
  return Date.UTC(y, m - 1, d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = new Date(toUtcMs(date) + days * MS_PER_DAY);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The same calendar day `months` later; when that month is shorter, its last day
 * (31 Jan + 1 month = 28 or 29 Feb), so "within N months" never spills into the month after.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** metrics.md: "within N months" is on or before the same calendar day N months later. */
export function isWithinMonths(start: CalendarDate, date: CalendarDate, months: number): boolean {
  return date <= addMonths(start, months);
}

/** metrics.md: "within D days" is at most D days later (day D is within D). */
export function isWithinDays(start: CalendarDate, date: CalendarDate, days: number): boolean {
  return daysBetween(start, date) <= days;
}

/** A duration in days as months, shown to one decimal. */
export function daysToMonths(days: number): number {
  return Math.round((days / DAYS_PER_MONTH) * 10) / 10;
}

export function yearOf(date: CalendarDate): number {
  return parse(date).y;
}

/** 'YYYY-MM-DD' order is date order. */
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);
