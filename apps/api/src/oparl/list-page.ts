import { ProblemException } from '../http/problem.exception';
import type { OParlObject } from './model/render';

export const ELEMENTS_PER_PAGE = 100;
export const MAX_ELEMENTS_PER_PAGE = 1000;
const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
type Filter = (typeof FILTERS)[number];

/** The query of a list request, checked: filters as instants, page and limit as whole numbers. */
export interface ListQuery {
  filters: Partial<Record<Filter, Date>>;
  page: number;
  limit: number;
  omitInternal: boolean;
  /** The filter parameters as given, to carry into every link. */
  carried: [string, string][];
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function listQueryOf(query: Record<string, unknown>): ListQuery {
  const errors: { field: string; message: string }[] = [];
  const filters: ListQuery['filters'] = {};
  const carried: [string, string][] = [];
  for (const name of FILTERS) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      errors.push({ field: name, message: 'Erwartet eine vollständige Zeitangabe (date-time), z. B. 2026-01-01T00:00:00+01:00.' });
      continue;
    }
    filters[name] = new Date(value);
    carried.push([name, value]);
  }
  const whole = (name: string, fallback: number, max: number) => {
    const value = query[name];
    if (value === undefined) return fallback;
    const n = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1) {
      errors.push({ field: name, message: 'Erwartet eine ganze Zahl ab 1.' });
      return fallback;
    }
    return Math.min(n, max);
  };
  const page = whole('page', 1, Number.MAX_SAFE_INTEGER);
  // A client may not expect the server to honour limit (spec 2.5); we do, up to a ceiling.
  const limit = whole('limit', ELEMENTS_PER_PAGE, MAX_ELEMENTS_PER_PAGE);
  if (query.limit !== undefined && errors.every((e) => e.field !== 'limit')) carried.push(['limit', String(limit)]);
  const omitInternal = query.omit_internal === 'true';
  if (omitInternal) carried.push(['omit_internal', 'true']);
  if (errors.length > 0) throw ProblemException.of(400, 'Die Abfrageparameter sind ungültig; siehe `errors`.', { code: 'validation', errors });
  return { filters, page, limit, omitInternal, carried };
}

/**
 * One page of an external object list (spec 2.5): filtered by created/modified, deleted objects
 * only when `modified_since` is given (the update mechanism), in the stable order of their ids,
 * with `pagination` and `links` that keep the filters.
 */
export function listPage(objects: OParlObject[], query: ListQuery, listUrl: string) {
  const { filters } = query;
  const within = (value: string, since?: Date, until?: Date) => {
    const t = Date.parse(value);
    return (since === undefined || t >= since.getTime()) && (until === undefined || t <= until.getTime());
  };
  const matching = objects
    .filter((o) => (o.deleted ? filters.modified_since !== undefined : true))
    .filter((o) => within(o.created, filters.created_since, filters.created_until) && within(o.modified, filters.modified_since, filters.modified_until))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const totalPages = Math.max(1, Math.ceil(matching.length / query.limit));
  const url = (page: number) => {
    const params = new URLSearchParams(query.carried);
    if (page > 1) params.set('page', String(page));
    const q = params.toString();
    return q ? `${listUrl}?${q}` : listUrl;
  };
  const current = query.page;
  return {
    data: matching.slice((current - 1) * query.limit, current * query.limit),
    pagination: { totalElements: matching.length, elementsPerPage: query.limit, currentPage: current, totalPages },
    links: {
      first: url(1),
      ...(current > 1 ? { prev: url(Math.min(current - 1, totalPages)) } : {}),
      self: url(current),
      ...(current < totalPages ? { next: url(current + 1) } : {}),
      last: url(totalPages),
    },
  };
}
