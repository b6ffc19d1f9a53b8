import { calendarDateOf, isCalendarDate, type CalendarDate } from '@app/domain';
import type { Cohort } from '@app/figures';
import { ProblemException } from '../../http/problem.exception';
import type { AuditPoint } from '../offline/region-figures';

export type RawQuery = Record<string, unknown>;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** The largest value of PostgreSQL's bigint, the type of every position. */
const MAX_POSITION = 9_223_372_036_854_775_807n;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit endpoints' query strings: every mistake collected into one 400 (problem+json with
 * `errors`), unknown parameters refused, as the views do (a typo must not silently mean "now").
 */
export class AuditQuery {
  private readonly errors: { field: string; message: string }[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly raw: RawQuery) {}

  string(field: string): string | undefined {
    this.seen.add(field);
    const value = this.raw[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.fail(field, `${field} darf nur einmal angegeben werden.`);
      return undefined;
    }
    return value;
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  date(field: string): CalendarDate | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if (isCalendarDate(text)) return text;
    this.fail(field, `${field} muss ein Kalendertag im Format JJJJ-MM-TT sein, z. B. 2019-09-14.`);
    return undefined;
  }

  instant(field: string): Date | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    const parsed = new Date(text);
    if (INSTANT.test(text) && !Number.isNaN(parsed.getTime()) && isCalendarDate(text.slice(0, 10))) return parsed;
    this.fail(field, `${field} muss ein Zeitpunkt nach ISO 8601 mit Uhrzeit und Zeitzone sein, z. B. 2019-09-14T12:00:00Z.`);
    return undefined;
  }

  /** `asOf` (default: today in Berlin) and `knownAt` (default: everything recorded). */
  point(now: Date, prefix = ''): AuditPoint {
    const name = (f: string) => (prefix ? `${prefix}${f[0].toUpperCase()}${f.slice(1)}` : f);
    const asOf = this.date(name('asOf')) ?? calendarDateOf(now);
    const knownAt = this.instant(name('knownAt'));
    return { asOf, ...(knownAt ? { knownAt } : {}) };
  }

  uuid(field: string): string | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if (UUID.test(text)) return text.toLowerCase();
    this.fail(field, `${field} muss eine UUID sein.`);
    return undefined;
  }

  /** A non-negative integer as a bigint (positions), within PostgreSQL's bigint: a larger one is a 400, not an overflow there. */
  position(field: string): bigint | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if (/^\d{1,19}$/.test(text) && BigInt(text) <= MAX_POSITION) return BigInt(text);
    this.fail(field, `${field} muss eine Position sein (ganze Zahl von 0 bis ${MAX_POSITION}).`);
    return undefined;
  }

  integer(field: string, min: number, max: number): number | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if (/^\d{1,6}$/.test(text) && Number(text) >= min && Number(text) <= max) return Number(text);
    this.fail(field, `${field} muss eine ganze Zahl von ${min} bis ${max} sein.`);
    return undefined;
  }

  /** `conference:<uuid>` or `year:<yyyy>`. */
  cohort(field = 'cohort'): Cohort | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    const conference = /^conference:(.+)$/.exec(text);
    if (conference && UUID.test(conference[1])) return { conferenceId: conference[1].toLowerCase() };
    const year = /^year:(\d{4})$/.exec(text);
    if (year) return { year: Number(year[1]) };
    this.fail(field, `${field} muss conference:<UUID> oder year:<JJJJ> sein.`);
    return undefined;
  }

  /** Throws one 400 naming every mistake, including parameters nobody asked for. */
  done(): void {
    for (const field of Object.keys(this.raw)) if (!this.seen.has(field)) this.fail(field, `Unbekannter Parameter ${field}.`);
    if (this.errors.length > 0) throw ProblemException.of(400, this.errors.map((e) => e.message).join(' '), { code: 'validation', errors: this.errors });
  }
}
