import { businessDateOf, calendarDateOf, type DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { cohortOf, figures, fromRecorded, historyAt, isOverdue, lifecycleOf, type Cohort, type FigureParams } from '@app/figures';
import { emptyDirectory, evolveDirectory, type DirectoryEvent } from '@app/read-models';
import { conferencesAt, recommendationFactsAt, summarise, type AuditPoint } from '../offline/region-figures';
import { actorOf, createDescriber, type ActorView } from '../history/describe';
import { jsonDiff, type StateChange } from './json-diff';

export type DiffScope = { recommendationId: string } | { committeeId: string } | { cohort: Cohort };

export interface EventNote {
  eventId: string;
  streamId: string;
  revision: string;
  position: string;
  type: string;
  businessDate: string;
  recordedAt: string;
  actor: ActorView | null;
  description: string;
}

export interface PointView {
  asOf: string;
  knownAt: string | null;
}

export interface ScopeDiff {
  scope: DiffScope;
  from: PointView;
  to: PointView;
  /** Events that count at `to` but not at `from` (recorded in between, dated in between, or moved by a correction), and the reverse. */
  events: { appeared: EventNote[]; disappeared: EventNote[] };
  before: unknown;
  after: unknown;
  /** Every leaf of the derived state that differs. */
  changes: StateChange[];
}

const viewOf = (p: AuditPoint): PointView => ({ asOf: p.asOf, knownAt: p.knownAt?.toISOString() ?? null });
const known = (p: AuditPoint) => (e: RecordedEvent) => p.knownAt === undefined || e.recordedAt.getTime() <= p.knownAt.getTime();
const dateOfRaw = (e: RecordedEvent) => (businessDateOf({ type: e.type, data: e.data } as DomainEvent) as string | undefined) ?? calendarDateOf(e.recordedAt);

/** Ids of the events that count at a point: known, and dated by asOf (recommendation events after corrections). */
function countingAt(events: readonly RecordedEvent[], point: AuditPoint): Set<string> {
  const ids = new Set<string>();
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of events.filter(known(point))) {
    if (e.streamId.startsWith('recommendation-')) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
    else if (dateOfRaw(e) <= point.asOf) ids.add(e.id);
  }
  for (const stream of streams.values()) for (const h of historyAt(stream.map(fromRecorded), point)) ids.add(h.eventId);
  return ids;
}

function directoryAt(events: readonly RecordedEvent[], point: AuditPoint) {
  const directory = emptyDirectory();
  for (const e of events.filter(known(point))) {
    if (e.streamId.startsWith('recommendation-') || dateOfRaw(e) > point.asOf) continue;
    try {
      evolveDirectory(directory, { type: e.type, data: e.data } as DirectoryEvent);
    } catch {
      // Unknown event types change no names.
    }
  }
  return directory;
}

/** The derived state of the scope at a point: what the views of metrics.md would show for it. */
function stateAt(regionEvents: readonly RecordedEvent[], scope: DiffScope, point: AuditPoint, params: Partial<FigureParams>): unknown {
  const facts = recommendationFactsAt(regionEvents, point);
  const conferences = conferencesAt(regionEvents, point);
  if ('recommendationId' in scope) {
    const f = facts.find((x) => x.recommendationId === scope.recommendationId);
    return f ? { lifecycle: lifecycleOf(f, point.asOf, params.stallDays), facts: f } : null;
  }
  if ('committeeId' in scope) {
    const row = directoryAt(regionEvents, point).committees.get(scope.committeeId);
    const assignments = facts.flatMap((f) =>
      f.handOffs
        .filter((a) => a.committeeId === scope.committeeId)
        .map((a) => ({
          recommendationId: f.recommendationId,
          reference: f.reference,
          decidedOn: a.decidedOn,
          state: a.state,
          lastStatus: a.lastReport?.status ?? null,
          currentDueOn: a.currentDueOn ?? null,
          overdue: isOverdue(a, point.asOf),
        })),
    );
    return {
      committee: row ? { name: row.name, shortName: row.short_name, dissolvedOn: row.dissolved_on } : null,
      assignments,
      figures: summarise(figures(facts, { asOf: point.asOf, params, conferences, committeeId: scope.committeeId })),
    };
  }
  const members = cohortOf(facts, scope.cohort);
  return {
    recommendations: Object.fromEntries(
      members.map((f) => {
        const l = lifecycleOf(f, point.asOf, params.stallDays);
        return [f.recommendationId, { reference: f.reference, state: l.state, stalled: l.stalled }];
      }),
    ),
    figures: summarise(figures(members, { asOf: point.asOf, params, conferences })),
  };
}

/** The streams and events a scope is about. */
function scopeEvents(regionEvents: readonly RecordedEvent[], scope: DiffScope, points: AuditPoint[]): RecordedEvent[] {
  if ('recommendationId' in scope) return regionEvents.filter((e) => e.streamId === `recommendation-${scope.recommendationId}`);
  if ('committeeId' in scope) {
    const touching = new Set(regionEvents.filter((e) => (e.data as { committeeId?: string }).committeeId === scope.committeeId).map((e) => e.id));
    return regionEvents.filter(
      (e) => touching.has(e.id) || (e.type === 'EntryCorrected' && touching.has((e.data as { correctsEventId: string }).correctsEventId)),
    );
  }
  const cohort = scope.cohort;
  const streams = new Set(points.flatMap((p) => cohortOf(recommendationFactsAt(regionEvents, p), cohort).map((f) => `recommendation-${f.recommendationId}`)));
  if ('conferenceId' in cohort) streams.add(`conference-${cohort.conferenceId}`);
  return regionEvents.filter((e) => streams.has(e.streamId));
}

/**
 * What changed for a recommendation, a committee or a cohort between two points in time: the events
 * that count at one point and not at the other, and the derived state before and after with every
 * leaf that differs. `regionEvents`: the region's events in global order.
 */
export function scopeDiff(regionEvents: readonly RecordedEvent[], scope: DiffScope, from: AuditPoint, to: AuditPoint, params: Partial<FigureParams> = {}): ScopeDiff {
  const relevant = scopeEvents(regionEvents, scope, [from, to]);
  const atFrom = countingAt(regionEvents, from);
  const atTo = countingAt(regionEvents, to);
  const shown = new Set(relevant.filter((e) => atFrom.has(e.id) !== atTo.has(e.id)).map((e) => e.id));
  // Names as they stood at each event: everything learnt in order, only the events shown described.
  const describer = createDescriber();
  const sentences = new Map<string, { text: string; actor: ActorView | null }>();
  for (const e of regionEvents) {
    if (shown.has(e.id)) sentences.set(e.id, { actor: actorOf(e.metadata, describer.directory), text: describer.describe(e) });
    else describer.learn(e);
  }
  const note = (e: RecordedEvent): EventNote => ({
    eventId: e.id,
    streamId: e.streamId,
    revision: e.revision.toString(),
    position: e.position.toString(),
    type: e.type,
    businessDate: dateOfRaw(e),
    recordedAt: e.recordedAt.toISOString(),
    actor: sentences.get(e.id)?.actor ?? null,
    description: sentences.get(e.id)?.text ?? '',
  });
  const before = stateAt(regionEvents, scope, from, params);
  const after = stateAt(regionEvents, scope, to, params);
  return {
    scope,
    from: viewOf(from),
    to: viewOf(to),
    events: {
      appeared: relevant.filter((e) => atTo.has(e.id) && !atFrom.has(e.id)).map(note),
      disappeared: relevant.filter((e) => atFrom.has(e.id) && !atTo.has(e.id)).map(note),
    },
    before,
    after,
    changes: jsonDiff(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after))),
  };
}
