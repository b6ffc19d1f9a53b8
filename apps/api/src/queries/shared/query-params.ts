import { calendarDateOf, isCalendarDate, type CalendarDate } from '@app/domain';
import type { Cohort, FigureParams, GroupBy } from '@app/figures';
import { ProblemException } from '../../http/problem.exception';

/**
 * Query-string parsing for every view: pure functions from the raw `req.query` to typed values,
 * collecting every mistake so one 400 names them all (api.md: problem+json with `errors`).
 * Unknown parameters are refused, like unknown body fields: a typo (`asof=`) must not silently
 * give today's figures to someone who asked for 2019.
 */
export type RawQuery = Record<string, unknown>;

export interface FieldError {
  field: string;
  message: string;
}

/** The two time axes of metrics.md. `knownAt` undefined: everything recorded so far ("now"). */
export interface TimePoint {
  asOf: CalendarDate;
  knownAt?: Date;
}

/** An ISO 8601 instant with time and zone; a bare date would leave open which midnight is meant. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export class QueryReader {
  readonly errors: FieldError[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly raw: RawQuery) {}

  /** A single string value; repeated parameters are a mistake. */
  string(field: string): string | undefined {
    this.seen.add(field);
    const value = this.raw[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.fail(field, 'Darf nur einmal angegeben werden.');
      return undefined;
    }
    return value;
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** `asOf` (business day, default today in Berlin) and `knownAt` (record instant, default now). */
  timePoint(now: Date): TimePoint {
    const asOfText = this.string('asOf');
    const knownAtText = this.string('knownAt');
    let asOf = calendarDateOf(now);
    if (asOfText !== undefined) {
      if (isCalendarDate(asOfText)) asOf = asOfText;
      else this.fail('asOf', 'Muss ein Kalendertag im Format JJJJ-MM-TT sein, z. B. 2019-09-14.');
    }
    let knownAt: Date | undefined;
    if (knownAtText !== undefined) {
      const parsed = new Date(knownAtText);
      if (INSTANT.test(knownAtText) && !Number.isNaN(parsed.getTime()) && isCalendarDate(knownAtText.slice(0, 10))) knownAt = parsed;
      else this.fail('knownAt', 'Muss ein Zeitpunkt nach ISO 8601 mit Uhrzeit und Zeitzone sein, z. B. 2019-09-14T12:00:00Z.');
    }
    return { asOf, ...(knownAt ? { knownAt } : {}) };
  }

  /** `conference:<uuid>` or `year:<yyyy>`. */
  cohort(field = 'cohort', required = false): Cohort | undefined {
    const text = this.string(field);
    if (text === undefined) {
      if (required) this.fail(field, 'Bitte angeben: conference:<UUID> oder year:<JJJJ>.');
      return undefined;
    }
    const conference = /^conference:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(text);
    if (conference) return { conferenceId: conference[1].toLowerCase() };
    const year = /^year:(\d{4})$/.exec(text);
    if (year) return { year: Number(year[1]) };
    this.fail(field, 'Muss conference:<UUID> oder year:<JJJJ> sein.');
    return undefined;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    this.fail(field, `Muss einer dieser Werte sein: ${allowed.join(', ')}.`);
    return undefined;
  }

  integer(field: string, min: number, max: number): number | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if (/^\d{1,6}$/.test(text) && Number(text) >= min && Number(text) <= max) return Number(text);
    this.fail(field, `Muss eine ganze Zahl von ${min} bis ${max} sein.`);
    return undefined;
  }

  boolean(field: string): boolean | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if (text === 'true' || text === 'false') return text === 'true';
    this.fail(field, 'Muss true oder false sein.');
    return undefined;
  }

  uuid(field: string): string | undefined {
    const text = this.string(field);
    if (text === undefined) return undefined;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return text.toLowerCase();
    this.fail(field, 'Muss eine UUID sein.');
    return undefined;
  }

  /** Overrides of metrics.md's parameters (D, D, H, M and the stall days). */
  figureParams(): Partial<FigureParams> {
    const params: Partial<FigureParams> = {};
    for (const [field, max] of PARAM_LIMITS) {
      const value = this.integer(field, field === 'implementationMonths' || field === 'reviewMonths' ? 1 : 0, max);
      if (value !== undefined) params[field] = value;
    }
    return params;
  }

  /** `csv` or `json`; `Accept: text/csv` is honoured by the responder. */
  format(): 'csv' | 'json' | undefined {
    return this.oneOf('format', ['csv', 'json'] as const);
  }

  /** Throws one 400 naming every mistake, including parameters no reader asked for; messages say the rule, the field stands beside them. */
  done(): void {
    for (const field of Object.keys(this.raw)) {
      if (!this.seen.has(field)) this.fail(field, `Unbekannter Parameter: ${field} ist nicht erlaubt.`);
    }
    if (this.errors.length > 0) {
      throw ProblemException.of(400, this.errors.map((e) => `${e.field}: ${e.message}`).join(' '), { code: 'validation', errors: this.errors });
    }
  }
}

const PARAM_LIMITS: ReadonlyArray<[keyof FigureParams, number]> = [
  ['handoffDays', 3650],
  ['responseDays', 3650],
  ['implementationMonths', 240],
  ['reviewMonths', 240],
  ['stallDays', 3650],
  ['verificationDays', 3650],
];

export const GROUP_BYS: readonly GroupBy[] = ['region', 'conference', 'year', 'committee', 'fieldOfAction'];

export const cohortText = (cohort: Cohort): string => ('conferenceId' in cohort ? `conference:${cohort.conferenceId}` : `year:${cohort.year}`);
