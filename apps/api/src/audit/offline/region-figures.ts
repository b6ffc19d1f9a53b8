import { businessDateOf, type CalendarDate, type ConferenceEvent, type DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { cohortOf, conferenceFactsOf, factsAt, figures, fromRecorded, withDefaults, type Cohort, type ConferenceFacts, type FigureParams, type Figures, type RecommendationFacts } from '@app/figures';

/** A time point on both axes (metrics.md "Time"); `knownAt` left out: everything given is known. */
export interface AuditPoint {
  asOf: CalendarDate;
  knownAt?: Date;
}

const knownBy = (point: AuditPoint) => (e: Pick<RecordedEvent, 'recordedAt'>) => point.knownAt === undefined || e.recordedAt.getTime() <= point.knownAt.getTime();

/** Conferences as loopClosureRate needs them: events known at `knownAt` and dated by `asOf`. */
export function conferencesAt(events: readonly RecordedEvent[], point: AuditPoint): ConferenceFacts[] {
  return conferenceFactsOf(
    events
      .filter((e) => e.streamId.startsWith('conference-'))
      .filter(knownBy(point))
      .map((e) => ({ type: e.type, data: e.data }) as ConferenceEvent)
      .filter((e) => businessDateOf(e as DomainEvent) <= point.asOf),
  );
}

/** recommendationFacts of every recommendation in the events, at the point (corrections applied, both axes). */
export const recommendationFactsAt = (events: readonly RecordedEvent[], point: AuditPoint): RecommendationFacts[] =>
  factsAt(events.filter((e) => e.streamId.startsWith('recommendation-')).map(fromRecorded), point);

/** Value and base of one figure, without member lists: what the views show. */
export interface FigureSummary {
  value: number | null;
  numerator?: number;
  denominator?: number;
  count?: number;
}

export type FigureSummaries = Record<keyof Figures, FigureSummary>;

export function summarise(all: Figures): FigureSummaries {
  const out = {} as FigureSummaries;
  for (const [name, figure] of Object.entries(all) as [keyof Figures, FigureSummary][]) {
    out[name] = {
      value: figure.value,
      ...(figure.numerator !== undefined ? { numerator: figure.numerator, denominator: figure.denominator } : {}),
      ...(figure.count !== undefined ? { count: figure.count } : {}),
    };
  }
  return out;
}

export interface CohortFigures {
  cohort: Cohort;
  asOf: CalendarDate;
  knownAt: string | null;
  params: FigureParams;
  /** The cohort's recommendations at the point, by reference. */
  members: { recommendationId: string; reference: string }[];
  figures: FigureSummaries;
}

/**
 * Every figure of metrics.md for a cohort of one region's events at a point in time: the same pure
 * functions the API's views use (factsAt, figures), so an offline replay of an export and the API agree.
 */
export function cohortFiguresAt(regionEvents: readonly RecordedEvent[], cohort: Cohort, point: AuditPoint, params: Partial<FigureParams> = {}): CohortFigures {
  const members = cohortOf(recommendationFactsAt(regionEvents, point), cohort);
  const all = figures(members, { asOf: point.asOf, params, conferences: conferencesAt(regionEvents, point) });
  return {
    cohort,
    asOf: point.asOf,
    knownAt: point.knownAt?.toISOString() ?? null,
    params: withDefaults(params),
    members: members.map((m) => ({ recommendationId: m.recommendationId, reference: m.reference })).sort((a, b) => a.reference.localeCompare(b.reference) || a.recommendationId.localeCompare(b.recommendationId)),
    figures: summarise(all),
  };
}
