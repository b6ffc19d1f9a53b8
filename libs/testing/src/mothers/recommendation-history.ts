/**
 * Test data: one recommendation's stream, written the way the domain records it. Each event is
 * recorded at noon UTC of its business date unless `recordedAt` says otherwise, so record order
 * follows business order by default and a test can back-date or post-date an entry on purpose.
 */
import type {
  Anchoring,
  CorrectableEventType,
  CorrectedFields,
  ImplementationStatus,
  IndicatorDirection,
  RecommendationEvent,
  SustainabilityOutcome,
} from '@app/domain';
import type { CalendarDate } from '@app/figures/history/dates';
import { historyAt, type HistoryEvent } from '@app/figures/history/history-at';
import { recommendationFacts, type RecommendationFacts } from '@app/figures/lifecycle/facts';

export interface RecordAs {
  recordedAt?: string;
  eventId?: string;
}

let sequence = 0;

export interface RecommendationHistory {
  readonly recommendationId: string;
  readonly events: HistoryEvent[];
  /** The id of the last event added, for corrections. */
  readonly lastEventId: string;
  handOff(committeeId: string, decidedOn: CalendarDate, reportDueOn?: CalendarDate, as?: RecordAs): RecommendationHistory;
  accept(committeeId: string, on: CalendarDate, as?: RecordAs): RecommendationHistory;
  decline(committeeId: string, on: CalendarDate, as?: RecordAs): RecommendationHistory;
  withdrawHandOff(committeeId: string, effectiveOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  report(committeeId: string, status: ImplementationStatus, reportedOn: CalendarDate, nextReportDueOn?: CalendarDate, as?: RecordAs): RecommendationHistory;
  indicator(
    committeeId: string,
    indicatorId: string,
    spec: { direction: IndicatorDirection; baseline: number; target: number },
    effectiveOn: CalendarDate,
    as?: RecordAs,
  ): RecommendationHistory;
  revise(committeeId: string, newDueOn: CalendarDate, decidedOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  verify(committeeId: string, outcome: 'confirmed' | 'returned', verifiedOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  measure(committeeId: string, indicatorId: string, value: number, measuredOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  review(reviewedOn: CalendarDate, outcome: SustainabilityOutcome, anchoring?: Anchoring[], as?: RecordAs): RecommendationHistory;
  outcomeReported(conferenceId: string, effectiveOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  amend(fieldsOfAction: string[], effectiveOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  withdraw(effectiveOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  supersede(successorId: string, effectiveOn: CalendarDate, as?: RecordAs): RecommendationHistory;
  correct<T extends CorrectableEventType>(
    correctsEventId: string,
    correctedEventType: T,
    correctedFields: CorrectedFields<T>,
    effectiveOn: CalendarDate,
    as?: RecordAs,
  ): RecommendationHistory;
  /** The facts at `asOf` as known at `knownAt` (ISO instant). */
  factsAt(asOf: CalendarDate, knownAt?: string): RecommendationFacts;
}

export function recommendation(
  recommendationId: string,
  adoptedOn: CalendarDate,
  options: { conferenceId?: string; regionId?: string; fieldsOfAction?: string[]; reference?: string } = {},
  as?: RecordAs,
): RecommendationHistory {
  const ids = { recommendationId, regionId: options.regionId ?? 'region-1' };
  const events: HistoryEvent[] = [];
  const add = (event: RecommendationEvent, on: CalendarDate, as?: RecordAs): RecommendationHistory => {
    events.push({
      ...event,
      eventId: as?.eventId ?? `ev-${++sequence}`,
      streamId: `recommendation-${recommendationId}`,
      recordedAt: new Date(as?.recordedAt ?? `${on}T12:00:00Z`),
    } as HistoryEvent);
    return history;
  };

  const history: RecommendationHistory = {
    recommendationId,
    events,
    get lastEventId() {
      return events.at(-1)!.eventId;
    },
    handOff(committeeId: string, decidedOn: CalendarDate, reportDueOn: CalendarDate = decidedOn, as?: RecordAs) {
      return add({ type: 'RecommendationHandedOff', data: { ...ids, committeeId, mandate: 'Auftrag', reportDueOn, decidedOn } }, decidedOn, as);
    },
    accept(committeeId: string, on: CalendarDate, as?: RecordAs) {
      return add({ type: 'HandOffAccepted', data: { ...ids, committeeId, on } }, on, as);
    },
    decline(committeeId: string, on: CalendarDate, as?: RecordAs) {
      return add({ type: 'HandOffDeclined', data: { ...ids, committeeId, on, reason: 'nicht zuständig' } }, on, as);
    },
    withdrawHandOff(committeeId: string, effectiveOn: CalendarDate, as?: RecordAs) {
      return add({ type: 'HandOffWithdrawn', data: { ...ids, committeeId, reason: 'Grund', effectiveOn } }, effectiveOn, as);
    },
    report(committeeId: string, status: ImplementationStatus, reportedOn: CalendarDate, nextReportDueOn?: CalendarDate, as?: RecordAs) {
      return add(
        {
          type: 'ImplementationStatusReported',
          data: { ...ids, committeeId, status, summary: 'Stand', evidence: [], reportedOn, ...(nextReportDueOn ? { nextReportDueOn } : {}) },
        },
        reportedOn,
        as,
      );
    },
    revise(committeeId: string, newDueOn: CalendarDate, decidedOn: CalendarDate, as?: RecordAs) {
      return add({ type: 'ReportDueDateRevised', data: { ...ids, committeeId, newDueOn, reason: 'Statistik kommt später', decidedOn } }, decidedOn, as);
    },
    verify(committeeId: string, outcome: 'confirmed' | 'returned', verifiedOn: CalendarDate, as?: RecordAs) {
      const note = outcome === 'returned' ? { note: 'Nachweis fehlt' } : {};
      return add({ type: 'ImplementationVerified', data: { ...ids, committeeId, outcome, verifiedOn, ...note, evidenceChecked: [] } }, verifiedOn, as);
    },
    indicator(
      committeeId: string,
      indicatorId: string,
      spec: { direction: IndicatorDirection; baseline: number; target: number },
      effectiveOn: CalendarDate,
      as?: RecordAs,
    ) {
      return add(
        {
          type: 'ImpactIndicatorDefined',
          data: {
            ...ids,
            committeeId,
            indicatorId,
            name: indicatorId,
            unit: 'Anzahl',
            direction: spec.direction,
            baseline: { value: spec.baseline, on: effectiveOn },
            target: { value: spec.target, dueOn: effectiveOn },
            source: 'Statistik',
            effectiveOn,
          },
        },
        effectiveOn,
        as,
      );
    },
    measure(committeeId: string, indicatorId: string, value: number, measuredOn: CalendarDate, as?: RecordAs) {
      return add({ type: 'ImpactMeasured', data: { ...ids, committeeId, indicatorId, value, measuredOn, source: 'Statistik' } }, measuredOn, as);
    },
    review(reviewedOn: CalendarDate, outcome: SustainabilityOutcome, anchoring: Anchoring[] = ['none'], as?: RecordAs) {
      return add({ type: 'SustainabilityReviewed', data: { ...ids, reviewedOn, outcome, anchoring, note: '' } }, reviewedOn, as);
    },
    outcomeReported(conferenceId: string, effectiveOn: CalendarDate, as?: RecordAs) {
      return add({ type: 'OutcomeReportedToConference', data: { ...ids, conferenceId, summary: 'Bericht', effectiveOn } }, effectiveOn, as);
    },
    amend(fieldsOfAction: string[], effectiveOn: CalendarDate, as?: RecordAs) {
      return add({ type: 'RecommendationAmended', data: { ...ids, fieldsOfAction, reason: 'Neuordnung', effectiveOn } }, effectiveOn, as);
    },
    withdraw(effectiveOn: CalendarDate, as?: RecordAs) {
      return add({ type: 'RecommendationWithdrawn', data: { ...ids, reason: 'erledigt', effectiveOn } }, effectiveOn, as);
    },
    supersede(successorId: string, effectiveOn: CalendarDate, as?: RecordAs) {
      return add({ type: 'RecommendationSuperseded', data: { ...ids, successorId, reason: 'ersetzt', effectiveOn } }, effectiveOn, as);
    },
    correct<T extends CorrectableEventType>(
      correctsEventId: string,
      correctedEventType: T,
      correctedFields: CorrectedFields<T>,
      effectiveOn: CalendarDate,
      as?: RecordAs,
    ) {
      return add(
        {
          type: 'EntryCorrected',
          data: { ...ids, correctsEventId, correctedEventType, correctedFields, reason: 'Tippfehler', effectiveOn } as never,
        },
        effectiveOn,
        as,
      );
    },
    factsAt(asOf, knownAt) {
      const facts = recommendationFacts(historyAt(events, { asOf, ...(knownAt ? { knownAt: new Date(knownAt) } : {}) }), asOf);
      if (!facts) throw new Error(`${recommendationId} is not adopted at ${asOf}`);
      return facts;
    },
  };
  return add(
    {
      type: 'RecommendationAdopted',
      data: {
        ...ids,
        conferenceId: options.conferenceId ?? 'bk-8',
        reference: options.reference ?? recommendationId,
        title: `Empfehlung ${recommendationId}`,
        text: 'Text',
        fieldsOfAction: options.fieldsOfAction ?? ['Inklusion'],
        addressees: { committeeIds: [], decisionMakers: [] },
        originCommitteeIds: [],
        adoptedOn,
      },
    },
    adoptedOn,
    as,
  );
}
