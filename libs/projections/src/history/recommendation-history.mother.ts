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
import type { CalendarDate } from './dates';
import { historyAt, type HistoryEvent } from './history-at';
import { recommendationFacts, type RecommendationFacts } from '../lifecycle/facts';

export interface RecordAs {
  recordedAt?: string;
  eventId?: string;
}

let sequence = 0;

export class RecommendationHistory {
  readonly events: HistoryEvent[] = [];
  private readonly ids: { recommendationId: string; regionId: string };

  constructor(
    readonly recommendationId: string,
    options: { adoptedOn: CalendarDate; conferenceId?: string; regionId?: string; fieldsOfAction?: string[]; reference?: string },
    as?: RecordAs,
  ) {
    this.ids = { recommendationId, regionId: options.regionId ?? 'region-1' };
    this.add(
      {
        type: 'RecommendationAdopted',
        data: {
          ...this.ids,
          conferenceId: options.conferenceId ?? 'bk-8',
          reference: options.reference ?? recommendationId,
          title: `Empfehlung ${recommendationId}`,
          text: 'Text',
          fieldsOfAction: options.fieldsOfAction ?? ['Inklusion'],
          addressees: { committeeIds: [], decisionMakers: [] },
          originCommitteeIds: [],
          adoptedOn: options.adoptedOn,
        },
      },
      options.adoptedOn,
      as,
    );
  }

  /** The id of the last event added, for corrections. */
  get lastEventId(): string {
    return this.events.at(-1)!.eventId;
  }

  private add(event: RecommendationEvent, on: CalendarDate, as?: RecordAs): this {
    this.events.push({
      ...event,
      eventId: as?.eventId ?? `ev-${++sequence}`,
      streamId: `recommendation-${this.ids.recommendationId}`,
      recordedAt: new Date(as?.recordedAt ?? `${on}T12:00:00Z`),
    } as HistoryEvent);
    return this;
  }

  handOff(committeeId: string, decidedOn: CalendarDate, reportDueOn: CalendarDate = decidedOn, as?: RecordAs): this {
    return this.add({ type: 'RecommendationHandedOff', data: { ...this.ids, committeeId, mandate: 'Auftrag', reportDueOn, decidedOn } }, decidedOn, as);
  }

  accept(committeeId: string, on: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'HandOffAccepted', data: { ...this.ids, committeeId, on } }, on, as);
  }

  decline(committeeId: string, on: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'HandOffDeclined', data: { ...this.ids, committeeId, on, reason: 'nicht zuständig' } }, on, as);
  }

  withdrawHandOff(committeeId: string, effectiveOn: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'HandOffWithdrawn', data: { ...this.ids, committeeId, reason: 'Grund', effectiveOn } }, effectiveOn, as);
  }

  report(committeeId: string, status: ImplementationStatus, reportedOn: CalendarDate, nextReportDueOn?: CalendarDate, as?: RecordAs): this {
    return this.add(
      {
        type: 'ImplementationStatusReported',
        data: { ...this.ids, committeeId, status, summary: 'Stand', evidence: [], reportedOn, ...(nextReportDueOn ? { nextReportDueOn } : {}) },
      },
      reportedOn,
      as,
    );
  }

  indicator(
    committeeId: string,
    indicatorId: string,
    spec: { direction: IndicatorDirection; baseline: number; target: number },
    effectiveOn: CalendarDate,
    as?: RecordAs,
  ): this {
    return this.add(
      {
        type: 'ImpactIndicatorDefined',
        data: {
          ...this.ids,
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
  }

  measure(committeeId: string, indicatorId: string, value: number, measuredOn: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'ImpactMeasured', data: { ...this.ids, committeeId, indicatorId, value, measuredOn, source: 'Statistik' } }, measuredOn, as);
  }

  review(reviewedOn: CalendarDate, outcome: SustainabilityOutcome, anchoring: Anchoring[] = ['none'], as?: RecordAs): this {
    return this.add({ type: 'SustainabilityReviewed', data: { ...this.ids, reviewedOn, outcome, anchoring, note: '' } }, reviewedOn, as);
  }

  outcomeReported(conferenceId: string, effectiveOn: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'OutcomeReportedToConference', data: { ...this.ids, conferenceId, summary: 'Bericht', effectiveOn } }, effectiveOn, as);
  }

  amend(fieldsOfAction: string[], effectiveOn: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'RecommendationAmended', data: { ...this.ids, fieldsOfAction, reason: 'Neuordnung', effectiveOn } }, effectiveOn, as);
  }

  withdraw(effectiveOn: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'RecommendationWithdrawn', data: { ...this.ids, reason: 'erledigt', effectiveOn } }, effectiveOn, as);
  }

  supersede(successorId: string, effectiveOn: CalendarDate, as?: RecordAs): this {
    return this.add({ type: 'RecommendationSuperseded', data: { ...this.ids, successorId, reason: 'ersetzt', effectiveOn } }, effectiveOn, as);
  }

  correct<T extends CorrectableEventType>(
    correctsEventId: string,
    correctedEventType: T,
    correctedFields: CorrectedFields<T>,
    effectiveOn: CalendarDate,
    as?: RecordAs,
  ): this {
    return this.add(
      {
        type: 'EntryCorrected',
        data: { ...this.ids, correctsEventId, correctedEventType, correctedFields, reason: 'Tippfehler', effectiveOn } as never,
      },
      effectiveOn,
      as,
    );
  }

  /** The facts at `asOf` as known at `knownAt`. */
  factsAt(asOf: CalendarDate, knownAt?: string): RecommendationFacts {
    const facts = recommendationFacts(historyAt(this.events, { asOf, ...(knownAt ? { knownAt: new Date(knownAt) } : {}) }), asOf);
    if (!facts) throw new Error(`${this.recommendationId} is not adopted at ${asOf}`);
    return facts;
  }
}

export const recommendation = (
  id: string,
  adoptedOn: CalendarDate,
  options: { conferenceId?: string; regionId?: string; fieldsOfAction?: string[] } = {},
): RecommendationHistory => new RecommendationHistory(id, { adoptedOn, ...options });
