import { businessDateOf, calendarDateOf, corrects, withCorrection, type EntryCorrected, type RecommendationEvent } from '@app/domain';
import type { CalendarDate } from './dates';

/** A recorded recommendation event as the figures read it: the domain event plus its record. */
export type HistoryEvent = RecommendationEvent & {
  eventId: string;
  streamId: string;
  /** Record time (the `knownAt` axis). */
  recordedAt: Date;
  metadata?: Record<string, unknown>;
};

/** An event as history shows it at a point in time: corrections applied, business date resolved. */
export type HistoricEvent = HistoryEvent & {
  /** The one date `asOf` filters on (domain.md "Streams and events"). */
  businessDate: CalendarDate;
  /** Present when corrections were applied: the data as first recorded, and the corrections' event ids. */
  original?: RecommendationEvent['data'];
  correctedBy?: string[];
};

export interface HistoryPoint {
  /** Business time: events dated after it have not happened yet. */
  asOf: CalendarDate;
  /** Record time: events recorded after it are not known yet. Left out: everything given is known. */
  knownAt?: Date;
}

/** Stored events may predate a required `effectiveOn`; domain.md: it defaults to the day recorded. */
function dateOf(event: HistoryEvent): CalendarDate {
  return (businessDateOf(event) as CalendarDate | undefined) ?? calendarDateOf(event.recordedAt);
}

/** Record order: by record time, ties by the order given (stream order). */
function byRecordOrder<T extends { recordedAt: Date }>(list: readonly T[]): T[] {
  return list
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.recordedAt.getTime() - b.item.recordedAt.getTime() || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The history of recommendation streams as it stood: known at `knownAt`, dated on or before `asOf`.
 *
 * Corrections recorded by `knownAt` are applied onto the events they correct by the domain's rule
 * (`corrects`, `withCorrection`; in record order, the later correction winning per field) BEFORE the `asOf` filter, so a corrected business date moves
 * the event. The correction's own `effectiveOn` plays no part in that: metrics.md applies a correction
 * "from the moment it is recorded", i.e. on the record axis; the mistaken value was never true on any
 * business day. `EntryCorrected` events stay in the result (by their own date) for timelines and the
 * stall rule; the facts skip them. Input order within a stream is taken as stream order.
 */
export function historyAt(events: readonly HistoryEvent[], point: HistoryPoint): HistoricEvent[] {
  const knownAt = point.knownAt?.getTime();
  const known = knownAt === undefined ? [...events] : events.filter((e) => e.recordedAt.getTime() <= knownAt);

  const fixes = new Map<string, { event: HistoryEvent; by: string[] }>();
  const corrections = byRecordOrder(known.filter((e): e is HistoryEvent & EntryCorrected => e.type === 'EntryCorrected'));
  // Few histories hold a correction; a rebuild runs this for every recommendation, so the index waits for one.
  const byId = corrections.length > 0 ? new Map(known.map((e) => [e.eventId, e])) : undefined;
  for (const correction of corrections) {
    const target = byId?.get(correction.data.correctsEventId);
    if (!target || !corrects(correction.data, target.eventId, target)) continue;
    const current = fixes.get(target.eventId) ?? { event: target, by: [] };
    fixes.set(target.eventId, { event: withCorrection(current.event, correction.data), by: [...current.by, correction.eventId] });
  }

  return known
    .map((event): HistoricEvent => {
      const fix = fixes.size > 0 ? fixes.get(event.eventId) : undefined;
      const resolved = (fix ? { ...fix.event, original: event.data, correctedBy: fix.by } : { ...event }) as HistoryEvent;
      return { ...resolved, businessDate: dateOf(resolved) } as HistoricEvent;
    })
    .filter((event) => event.businessDate <= point.asOf);
}

/** Adapts the event store's `RecordedEvent` (id, metadata.eventId) to a `HistoryEvent`. */
export function fromRecorded(recorded: {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  recordedAt: Date;
  metadata?: Record<string, unknown>;
}): HistoryEvent {
  return {
    eventId: recorded.id,
    streamId: recorded.streamId,
    type: recorded.type,
    data: recorded.data,
    recordedAt: recorded.recordedAt,
    metadata: recorded.metadata,
  } as HistoryEvent;
}
