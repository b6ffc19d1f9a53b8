import type { EventId } from '../shared/ids';
import type { CorrectableEvent, EntryCorrected, RecommendationEvent } from './events';
import type { AdoptedRecommendation, LatestReport, RecommendationEntry, RecommendationState } from './state';
import { initialRecommendationState } from './state';

/**
 * Folds one event. Corrections rewrite the corrected entry and rebuild the derived state from all
 * entries, so the state looks exactly as if the original had carried the corrected values.
 */
export function evolveRecommendation(state: RecommendationState, event: RecommendationEvent, eventId?: EventId): RecommendationState {
  if (event.type === 'EntryCorrected') return applyCorrection(state, event);
  const next = applyEvent(state, event, eventId);
  if (next.status === 'none') return next;
  const entry: RecommendationEntry = eventId === undefined ? { event } : { eventId, event };
  return { ...next, entries: [...next.entries, entry] };
}

/** The entries with `correction` merged into the data of the entry it names. */
export function correctEntries(entries: readonly RecommendationEntry[], correction: EntryCorrected['data']): RecommendationEntry[] {
  return entries.map((entry) =>
    entry.eventId === correction.correctsEventId && entry.event.type === correction.correctedEventType
      ? { ...entry, event: { ...entry.event, data: { ...entry.event.data, ...correction.correctedFields } } as CorrectableEvent }
      : entry,
  );
}

/** Derived state of a list of (corrected) entries. */
export function rebuild(entries: readonly RecommendationEntry[], corrections: number): RecommendationState {
  let state: RecommendationState = initialRecommendationState();
  for (const { event, eventId } of entries) state = applyEvent(state, event, eventId);
  return state.status === 'none' ? state : { ...state, entries: [...entries], corrections };
}

function applyCorrection(state: RecommendationState, correction: EntryCorrected): RecommendationState {
  if (state.status === 'none') return state;
  return rebuild(correctEntries(state.entries, correction.data), state.corrections + 1);
}

function applyEvent(state: RecommendationState, event: CorrectableEvent, eventId: EventId | undefined): RecommendationState {
  if (event.type === 'RecommendationAdopted') {
    const { recommendationId, regionId, conferenceId, adoptedOn, title, text, fieldsOfAction } = event.data;
    return {
      status: 'adopted',
      recommendationId,
      regionId,
      conferenceId,
      adoptedOn,
      title,
      text,
      fieldsOfAction,
      assignments: {},
      indicators: {},
      reviews: 0,
      entries: [],
      corrections: 0,
    };
  }
  if (state.status === 'none') return state;
  return applyToAdopted(state, event, eventId);
}

function applyToAdopted(state: AdoptedRecommendation, event: Exclude<CorrectableEvent, { type: 'RecommendationAdopted' }>, eventId: EventId | undefined): AdoptedRecommendation {
  switch (event.type) {
    case 'RecommendationAmended': {
      const { title = state.title, text = state.text, fieldsOfAction = state.fieldsOfAction } = event.data;
      return { ...state, title, text, fieldsOfAction };
    }
    case 'RecommendationHandedOff': {
      const { committeeId, mandate, decidedOn, reportDueOn } = event.data;
      const assignment = { committeeId, status: 'pending' as const, mandate, decidedOn, reportDueOn, ...(eventId === undefined ? {} : { handOffEventId: eventId }) };
      return { ...state, assignments: { ...state.assignments, [committeeId]: assignment } };
    }
    case 'HandOffAccepted':
      return withAssignment(state, event.data.committeeId, (a) => ({ ...a, status: 'accepted', acceptedOn: event.data.on }));
    case 'HandOffDeclined':
      return withAssignment(state, event.data.committeeId, (a) => ({ ...a, status: 'declined' }));
    case 'HandOffWithdrawn':
      return withAssignment(state, event.data.committeeId, (a) => ({ ...a, status: 'withdrawn' }));
    case 'ImplementationStatusReported': {
      const { status, reportedOn, evidence } = event.data;
      const report = { status, reportedOn, evidence, ...(eventId === undefined ? {} : { eventId }) };
      return withAssignment(state, event.data.committeeId, (a) => (a.latestReport && latestDateOf(a.latestReport) > reportedOn ? a : { ...a, latestReport: report }));
    }
    case 'ReportDueDateRevised':
      return withAssignment(state, event.data.committeeId, (a) => ({ ...a, dueDateRevisions: (a.dueDateRevisions ?? 0) + 1 }));
    case 'ImplementationVerified': {
      const { outcome, verifiedOn } = event.data;
      return withAssignment(state, event.data.committeeId, (a) => {
        if (!a.latestReport) return a;
        const latestReport =
          outcome === 'confirmed' ? { ...a.latestReport, confirmedOn: verifiedOn } : { ...a.latestReport, status: 'in_progress' as const, returnedOn: verifiedOn };
        return { ...a, latestReport };
      });
    }
    case 'ImpactIndicatorDefined': {
      const { indicatorId, committeeId } = event.data;
      return { ...state, indicators: { ...state.indicators, [indicatorId]: { indicatorId, committeeId, measurements: 0 } } };
    }
    case 'ImpactMeasured': {
      const indicator = state.indicators[event.data.indicatorId];
      if (!indicator) return state;
      return { ...state, indicators: { ...state.indicators, [indicator.indicatorId]: { ...indicator, measurements: indicator.measurements + 1 } } };
    }
    case 'SustainabilityReviewed':
      return { ...state, reviews: state.reviews + 1 };
    case 'OutcomeReportedToConference':
      return state;
    case 'RecommendationWithdrawn':
      return { ...state, terminal: state.terminal ?? 'withdrawn' };
    case 'RecommendationSuperseded':
      return { ...state, terminal: state.terminal ?? 'superseded' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** A returned claim stands until a report dated on or after its return. */
const latestDateOf = (report: LatestReport): string => report.returnedOn ?? report.reportedOn;

function withAssignment(
  state: AdoptedRecommendation,
  committeeId: string,
  change: (assignment: AdoptedRecommendation['assignments'][string]) => AdoptedRecommendation['assignments'][string],
): AdoptedRecommendation {
  const assignment = state.assignments[committeeId];
  return assignment ? { ...state, assignments: { ...state.assignments, [committeeId]: change(assignment) } } : state;
}
