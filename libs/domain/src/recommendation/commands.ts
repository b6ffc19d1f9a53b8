import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, ConferenceId, EventId, IndicatorId, RecommendationId, RegionId } from '../shared/ids';
import type { CommandMeta } from '../shared/metadata';
import type {
  Addressees,
  Anchoring,
  CorrectableEventType,
  CorrectedFields,
  Evidence,
  ImplementationStatus,
  IndicatorDirection,
  SustainabilityOutcome,
} from './events';

/**
 * Commands of the recommendation stream. Facts from other streams that a rule needs travel in
 * `context`, resolved by the handler before deciding; an absent entry means "not found".
 * `effectiveOn`, where offered, defaults to today (Europe/Berlin).
 */
type Cmd<Type extends string, Data, Context = undefined> = Context extends undefined
  ? { type: Type; data: Data & { recommendationId: RecommendationId }; meta: CommandMeta }
  : { type: Type; data: Data & { recommendationId: RecommendationId }; context: Context; meta: CommandMeta };

/** The conference as its stream shows it: region and (current) date. */
export type ConferenceFacts = { regionId: RegionId; date: CalendarDate };
/** The committee as its stream shows it. */
export type CommitteeFacts = { regionId: RegionId; dissolved: boolean };

export type AdoptRecommendation = Cmd<
  'AdoptRecommendation',
  {
    regionId: RegionId;
    conferenceId: ConferenceId;
    reference: string;
    title: string;
    text: string;
    fieldsOfAction: string[];
    addressees: Addressees;
    originCommitteeIds: CommitteeId[];
    adoptedOn: CalendarDate;
  },
  { conference?: ConferenceFacts }
>;

export type AmendRecommendation = Cmd<
  'AmendRecommendation',
  { title?: string; text?: string; fieldsOfAction?: string[]; reason: string; effectiveOn?: CalendarDate }
>;

export type HandOffRecommendation = Cmd<
  'HandOffRecommendation',
  { committeeId: CommitteeId; mandate: string; reportDueOn: CalendarDate; decidedOn: CalendarDate; decisionReference?: string },
  { committee?: CommitteeFacts }
>;

export type AcceptHandOff = Cmd<'AcceptHandOff', { committeeId: CommitteeId; on: CalendarDate; contact?: string }>;
export type DeclineHandOff = Cmd<'DeclineHandOff', { committeeId: CommitteeId; on: CalendarDate; reason: string }>;
export type WithdrawHandOff = Cmd<'WithdrawHandOff', { committeeId: CommitteeId; reason: string; effectiveOn?: CalendarDate }>;

export type ReportImplementationStatus = Cmd<
  'ReportImplementationStatus',
  {
    committeeId: CommitteeId;
    status: ImplementationStatus;
    progressPercent?: number;
    summary: string;
    /** Required for `not_implemented` and `blocked`. */
    reason?: string;
    evidence: Evidence[];
    reportedOn: CalendarDate;
    nextReportDueOn?: CalendarDate;
  }
>;

export type DefineImpactIndicator = Cmd<
  'DefineImpactIndicator',
  {
    committeeId: CommitteeId;
    indicatorId: IndicatorId;
    name: string;
    unit: string;
    direction: IndicatorDirection;
    baseline: { value: number; on: CalendarDate };
    target: { value: number; dueOn: CalendarDate };
    source: string;
    effectiveOn?: CalendarDate;
  }
>;

export type RecordImpactMeasurement = Cmd<
  'RecordImpactMeasurement',
  { committeeId: CommitteeId; indicatorId: IndicatorId; value: number; measuredOn: CalendarDate; source: string; note?: string }
>;

export type ReviewSustainability = Cmd<
  'ReviewSustainability',
  { reviewedOn: CalendarDate; outcome: SustainabilityOutcome; anchoring: Anchoring[]; note: string }
>;

export type ReportOutcomeToConference = Cmd<
  'ReportOutcomeToConference',
  { conferenceId: ConferenceId; summary: string; effectiveOn?: CalendarDate },
  { conference?: ConferenceFacts }
>;

export type WithdrawRecommendation = Cmd<'WithdrawRecommendation', { reason: string; effectiveOn?: CalendarDate }>;

export type SupersedeRecommendation = Cmd<
  'SupersedeRecommendation',
  { successorId: RecommendationId; reason: string; effectiveOn?: CalendarDate },
  { successor?: { regionId: RegionId } }
>;

/**
 * One variant per corrected event type; decide checks the type against the stream. When the
 * adoption date is corrected, the handler passes the adopting conference so rule 7 holds again.
 */
export type CorrectEntry = {
  [T in CorrectableEventType]: Cmd<
    'CorrectEntry',
    { correctsEventId: EventId; correctedEventType: T; correctedFields: CorrectedFields<T>; reason: string; effectiveOn?: CalendarDate }
  > & { context?: { adoptingConference?: ConferenceFacts } };
}[CorrectableEventType];

export type RecommendationCommand =
  | AdoptRecommendation
  | AmendRecommendation
  | HandOffRecommendation
  | AcceptHandOff
  | DeclineHandOff
  | WithdrawHandOff
  | ReportImplementationStatus
  | DefineImpactIndicator
  | RecordImpactMeasurement
  | ReviewSustainability
  | ReportOutcomeToConference
  | WithdrawRecommendation
  | SupersedeRecommendation
  | CorrectEntry;
export type RecommendationCommandType = RecommendationCommand['type'];
