import type { CommitteeId, EventId } from '../shared/ids';
import type { CorrectableEvent, EntryCorrected, RecommendationEvent } from './events';
import type { AdoptedRecommendation, Assignment, AssignmentStatus, Indicator, LatestReport, RecommendationEntry, RecommendationState } from './state';
import { initialRecommendationState } from './state';

/**
 * Folds one event. Corrections rewrite the corrected entry and rebuild the derived state from all
 * entries, so the state looks exactly as if the original had carried the corrected values. Pure:
 * the given state is copied before the event changes it.
 */
export function evolveRecommendation(state: RecommendationState, event: RecommendationEvent, eventId?: EventId): RecommendationState {
  if (event.type === 'EntryCorrected') return applyCorrection(state, event);
  const next = applyInPlace(state.status === 'none' ? state : copyFor(state, event), event, eventId);
  if (next.status !== 'none') next.entries.push(eventId === undefined ? { event } : { eventId, event });
  return next;
}

/**
 * The state of a history whose corrections are already applied (its `EntryCorrected` are skipped),
 * by the same rules as `evolveRecommendation` but keeping no entries: the fold a reader runs over a
 * history it has corrected and dated itself (the figures' facts; a rebuild folds a million events,
 * so one state is changed in place instead of copied per event).
 */
export function foldCorrected(history: Iterable<RecommendationEvent & { eventId?: EventId }>): RecommendationState {
  let state: RecommendationState = initialRecommendationState();
  for (const event of history) if (event.type !== 'EntryCorrected') state = applyInPlace(state, event, event.eventId);
  return state;
}

/**
 * Whether `correction` applies to the event with this id and type. Corrections are not corrected:
 * none names a correction's type, so a second correction of the original replaces values instead.
 */
export const corrects = (correction: EntryCorrected['data'], eventId: EventId | undefined, event: { type: string }): boolean =>
  eventId === correction.correctsEventId && event.type === correction.correctedEventType;

/** The event with the correction's fields over its data: of several corrections, the later applied wins per field. */
export const withCorrection = <E extends { data: unknown }>(event: E, correction: EntryCorrected['data']): E => ({
  ...event,
  data: { ...(event.data as object), ...correction.correctedFields },
});

/** The entries with `correction` merged into the data of the entry it names. */
export function correctEntries(entries: readonly RecommendationEntry[], correction: EntryCorrected['data']): RecommendationEntry[] {
  return entries.map((entry) => (corrects(correction, entry.eventId, entry.event) ? { ...entry, event: withCorrection(entry.event, correction) } : entry));
}

/** Derived state of a list of (corrected) entries. */
export function rebuild(entries: readonly RecommendationEntry[], corrections: number): RecommendationState {
  let state: RecommendationState = initialRecommendationState();
  for (const { event, eventId } of entries) state = applyInPlace(state, event, eventId);
  if (state.status === 'none') return state;
  state.entries = [...entries];
  state.corrections = corrections;
  return state;
}

function applyCorrection(state: RecommendationState, correction: EntryCorrected): RecommendationState {
  if (state.status === 'none') return state;
  return rebuild(correctEntries(state.entries, correction.data), state.corrections + 1);
}

/**
 * A record keyed by ids. Without a prototype it starts as a hash table; a plain object would take a
 * new hidden class for every id ever seen, which made a rebuild's fold several times slower.
 */
const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The part of the state beyond its plain fields that an event changes. */
type Part = 'handOffs' | 'indicators' | 'reviews' | 'outcomeReports' | 'none';
const CHANGES: Record<CorrectableEvent['type'], Part> = {
  RecommendationAdopted: 'none',
  RecommendationAmended: 'none',
  RecommendationHandedOff: 'handOffs',
  HandOffAccepted: 'handOffs',
  HandOffDeclined: 'handOffs',
  HandOffWithdrawn: 'handOffs',
  ImplementationStatusReported: 'handOffs',
  ReportDueDateRevised: 'handOffs',
  ImplementationVerified: 'handOffs',
  ImpactIndicatorDefined: 'indicators',
  ImpactMeasured: 'indicators',
  SustainabilityReviewed: 'reviews',
  OutcomeReportedToConference: 'outcomeReports',
  RecommendationWithdrawn: 'none',
  RecommendationSuperseded: 'none',
};

/**
 * A copy in which `event` may be folded: the part it changes is copied down to what the fold
 * changes in place (lists, records, assignments, indicators); the rest and all event data stay shared.
 */
function copyFor(state: AdoptedRecommendation, event: CorrectableEvent): AdoptedRecommendation {
  const copy = { ...state, entries: [...state.entries] };
  switch (CHANGES[event.type]) {
    case 'handOffs':
      copy.handOffs = state.handOffs.map((a) => ({ ...a, steps: [...a.steps] }));
      copy.assignments = {};
      // Each committee's latest hand-off: the record keeps its keys in the order committees first appeared.
      for (const a of copy.handOffs) copy.assignments[a.committeeId] = a;
      break;
    case 'indicators':
      copy.indicators = record<Indicator>();
      for (const id in state.indicators) copy.indicators[id] = { ...state.indicators[id], measured: [...state.indicators[id].measured] };
      break;
    case 'reviews':
      copy.reviews = [...state.reviews];
      break;
    case 'outcomeReports':
      copy.outcomeReports = [...state.outcomeReports];
      break;
    case 'none':
      break;
  }
  return copy;
}

/**
 * The one switch over the event types. Changes `state` (which the caller owns) and returns it, or
 * returns a new state for an adoption. Every event lands on the assignment the figures read it with
 * (the committee's latest with the status the event needs), which in a decided stream is always the
 * committee's current one.
 */
function applyInPlace(state: RecommendationState, event: CorrectableEvent, eventId: EventId | undefined): RecommendationState {
  if (event.type === 'RecommendationAdopted') {
    const { recommendationId, regionId, conferenceId, reference, adoptedOn, title, text, fieldsOfAction, addressees } = event.data;
    return {
      status: 'adopted',
      recommendationId,
      regionId,
      conferenceId,
      reference,
      adoptedOn,
      title,
      text,
      fieldsOfAction,
      addressees,
      handOffs: [],
      assignments: {},
      indicators: record(),
      reviews: [],
      outcomeReports: [],
      entries: [],
      corrections: 0,
    };
  }
  if (state.status === 'none') return state;
  applyToAdopted(state, event, eventId);
  return state;
}

function applyToAdopted(state: AdoptedRecommendation, event: Exclude<CorrectableEvent, { type: 'RecommendationAdopted' }>, eventId: EventId | undefined): void {
  switch (event.type) {
    case 'RecommendationAmended': {
      const { title, text, fieldsOfAction } = event.data;
      if (title !== undefined) state.title = title;
      if (text !== undefined) state.text = text;
      if (fieldsOfAction !== undefined) state.fieldsOfAction = fieldsOfAction;
      return;
    }
    case 'RecommendationHandedOff': {
      const { committeeId, mandate, decidedOn, reportDueOn } = event.data;
      const assignment: Assignment = { committeeId, status: 'pending', mandate, decidedOn, reportDueOn, steps: [] };
      if (eventId !== undefined) assignment.handOffEventId = eventId;
      state.handOffs.push(assignment);
      state.assignments[committeeId] = assignment;
      return;
    }
    case 'HandOffAccepted':
    case 'HandOffDeclined': {
      const assignment = latestOf(state, event.data.committeeId, PENDING);
      if (!assignment) return;
      assignment.status = assignment.answer = event.type === 'HandOffAccepted' ? 'accepted' : 'declined';
      assignment.answeredOn = event.data.on;
      return;
    }
    case 'HandOffWithdrawn': {
      const assignment = latestOf(state, event.data.committeeId, ACTIVE);
      if (!assignment) return;
      assignment.withdrawnWhilePending = assignment.status === 'pending';
      assignment.status = 'withdrawn';
      assignment.withdrawnOn = event.data.effectiveOn;
      return;
    }
    case 'ImplementationStatusReported': {
      const assignment = reportedAssignment(state, event.data.committeeId);
      if (!assignment) return;
      const { status, reportedOn, evidence, nextReportDueOn } = event.data;
      if (!assignment.latestReport || latestDateOf(assignment.latestReport) <= reportedOn) {
        assignment.latestReport = eventId === undefined ? { status, reportedOn, evidence } : { status, reportedOn, evidence, eventId };
      }
      assignment.steps.push(nextReportDueOn === undefined ? { kind: 'report', on: reportedOn, status } : { kind: 'report', on: reportedOn, status, nextReportDueOn });
      return;
    }
    case 'ReportDueDateRevised': {
      const assignment = latestOf(state, event.data.committeeId, ACTIVE);
      const { newDueOn, decidedOn, reason } = event.data;
      assignment?.steps.push({ kind: 'revision', on: decidedOn, newDueOn, reason });
      return;
    }
    case 'ImplementationVerified': {
      const assignment = reportedAssignment(state, event.data.committeeId);
      if (!assignment) return;
      const { outcome, verifiedOn, note } = event.data;
      assignment.steps.push(note ? { kind: 'verification', on: verifiedOn, outcome, note } : { kind: 'verification', on: verifiedOn, outcome });
      const report = assignment.latestReport;
      if (report) assignment.latestReport = outcome === 'confirmed' ? { ...report, confirmedOn: verifiedOn } : { ...report, status: 'in_progress', returnedOn: verifiedOn };
      return;
    }
    case 'ImpactIndicatorDefined': {
      const { indicatorId, committeeId, name, unit, direction, baseline, target } = event.data;
      const seq = state.indicators[indicatorId]?.seq ?? countOf(state.indicators);
      state.indicators[indicatorId] = { indicatorId, committeeId, name, unit, direction, baseline, target, measurements: 0, seq, measured: [] };
      return;
    }
    case 'ImpactMeasured': {
      const indicator = state.indicators[event.data.indicatorId];
      if (!indicator) return;
      indicator.measurements += 1;
      indicator.measured.push({ value: event.data.value, measuredOn: event.data.measuredOn });
      return;
    }
    case 'SustainabilityReviewed': {
      const { reviewedOn, outcome, anchoring } = event.data;
      state.reviews.push({ reviewedOn, outcome, anchoring });
      return;
    }
    case 'OutcomeReportedToConference':
      state.outcomeReports.push({ conferenceId: event.data.conferenceId, on: event.data.effectiveOn });
      return;
    case 'RecommendationWithdrawn':
      state.terminal ??= 'withdrawn';
      state.withdrawnOn = event.data.effectiveOn;
      return;
    case 'RecommendationSuperseded':
      state.terminal ??= 'superseded';
      state.supersededOn = event.data.effectiveOn;
      state.successorId = event.data.successorId;
      return;
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
}

function countOf(record: Record<string, unknown>): number {
  let count = 0;
  for (const _ in record) count++;
  return count;
}

/** A returned claim stands until a report dated on or after its return. */
const latestDateOf = (report: LatestReport): string => report.returnedOn ?? report.reportedOn;

const PENDING: readonly AssignmentStatus[] = ['pending'];
const ACTIVE: readonly AssignmentStatus[] = ['pending', 'accepted'];
const ACCEPTED: readonly AssignmentStatus[] = ['accepted'];
const WITHDRAWN: readonly AssignmentStatus[] = ['withdrawn'];

/** The committee's latest hand-off with one of `statuses`. */
function latestOf(state: AdoptedRecommendation, committeeId: CommitteeId, statuses: readonly AssignmentStatus[]): Assignment | undefined {
  for (let i = state.handOffs.length - 1; i >= 0; i--) {
    const a = state.handOffs[i];
    if (a.committeeId === committeeId && statuses.includes(a.status)) return a;
  }
  return undefined;
}

/** Reports and verifications belong to the accepted assignment (rule 4); one left after a withdrawal stays with it. */
const reportedAssignment = (state: AdoptedRecommendation, committeeId: CommitteeId): Assignment | undefined =>
  latestOf(state, committeeId, ACCEPTED) ?? latestOf(state, committeeId, WITHDRAWN);
