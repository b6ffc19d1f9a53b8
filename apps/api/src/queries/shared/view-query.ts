import type { Cohort, FigureParams, RecommendationFacts } from '@app/figures';
import { cohortOf, withDefaults } from '@app/figures';
import type { FigureContext } from '@app/figures';
import { QueryReader, type RawQuery, type TimePoint } from './query-params';
import { requireConference, type RegionSnapshot } from './region-history';

/** What every board accepts: a time point, an optional cohort (default: every recommendation of the region), figure parameters, a format. */
export interface ViewQuery {
  point: TimePoint;
  cohort?: Cohort;
  params: Partial<FigureParams>;
  format?: 'csv' | 'json';
}

export function readViewQuery(raw: RawQuery, now: Date, extra: (q: QueryReader) => void = () => {}): ViewQuery {
  const q = new QueryReader(raw);
  const point = q.timePoint(now);
  const cohort = q.cohort('cohort', false);
  const params = q.figureParams();
  const format = q.format();
  extra(q);
  q.done();
  return { point, ...(cohort ? { cohort } : {}), params, ...(format ? { format } : {}) };
}

/** The cohort's facts (404 for a conference not of this region) and the context the figure functions take. */
export function cohortScope(snapshot: RegionSnapshot, cohort: Cohort | undefined, params: Partial<FigureParams>): { facts: RecommendationFacts[]; ctx: FigureContext } {
  if (cohort && 'conferenceId' in cohort) requireConference(snapshot, cohort.conferenceId);
  return {
    facts: cohort ? cohortOf(snapshot.facts, cohort) : snapshot.facts,
    ctx: { asOf: snapshot.point.asOf, params: withDefaults(params), conferences: snapshot.conferences },
  };
}
