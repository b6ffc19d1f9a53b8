import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, EventId, RecommendationId, RegionId } from '../shared/ids';
import type { CommandMeta } from '../shared/metadata';
import type {
  CorrectableEventType,
  CorrectedFields,
  HandOffAccepted,
  HandOffDeclined,
  HandOffWithdrawn,
  ImpactIndicatorDefined,
  ImpactMeasured,
  ImplementationStatusReported,
  OutcomeReportedToConference,
  RecommendationAdopted,
  RecommendationAmended,
  RecommendationHandedOff,
  RecommendationSuperseded,
  RecommendationWithdrawn,
  SustainabilityReviewed,
  ReportDueDateRevised,
  ImplementationVerified,
} from './events';
import type { UserId } from '../shared/ids';

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

/** A command asks for what its event will record: the event's data without the stream's ids. */
type Asks<E extends { data: object }> = Omit<E['data'], 'recommendationId' | 'regionId'>;
/** …where the business date `effectiveOn` is optional and defaults to today. */
type AsksFrom<E extends { data: { effectiveOn: CalendarDate } }> = Omit<Asks<E>, 'effectiveOn'> & { effectiveOn?: CalendarDate };

/** Committees a command names, as their streams show them; an id absent here is unknown. */
export type NamedCommittees = Readonly<Record<CommitteeId, CommitteeFacts>>;
export type AdoptRecommendation = Cmd<
  'AdoptRecommendation',
  Asks<RecommendationAdopted> & { regionId: RegionId },
  { conference?: ConferenceFacts; committees: NamedCommittees }
>;
export type AmendRecommendation = Cmd<'AmendRecommendation', AsksFrom<RecommendationAmended>>;
export type HandOffRecommendation = Cmd<'HandOffRecommendation', Asks<RecommendationHandedOff>, { committee?: CommitteeFacts }>;
export type AcceptHandOff = Cmd<'AcceptHandOff', Asks<HandOffAccepted>>;
export type DeclineHandOff = Cmd<'DeclineHandOff', Asks<HandOffDeclined>>;
export type WithdrawHandOff = Cmd<'WithdrawHandOff', AsksFrom<HandOffWithdrawn>>;
/** `reason` is required for `not_implemented` and `blocked`. */
export type ReportImplementationStatus = Cmd<'ReportImplementationStatus', Asks<ImplementationStatusReported>>;
export type DefineImpactIndicator = Cmd<'DefineImpactIndicator', AsksFrom<ImpactIndicatorDefined>>;
export type RecordImpactMeasurement = Cmd<'RecordImpactMeasurement', Asks<ImpactMeasured>>;
export type ReviewSustainability = Cmd<'ReviewSustainability', Asks<SustainabilityReviewed>>;
export type ReportOutcomeToConference = Cmd<'ReportOutcomeToConference', AsksFrom<OutcomeReportedToConference>, { conference?: ConferenceFacts }>;
export type WithdrawRecommendation = Cmd<'WithdrawRecommendation', AsksFrom<RecommendationWithdrawn>>;
export type ReviseReportDueDate = Cmd<'ReviseReportDueDate', Asks<ReportDueDateRevised>>;
/**
 * `claimReportedBy`: the account that recorded the claim's report, when the handler knows it, so
 * that the office cannot confirm what it reported itself on a committee's behalf (four eyes).
 */
export type VerifyImplementation = Cmd<
  'VerifyImplementation',
  Omit<Asks<ImplementationVerified>, 'evidenceChecked'> & { evidenceChecked?: string[] },
  { claimReportedBy?: UserId }
>;
/** The successor as its stream shows it: region and (corrected) adoption date. */
export type SuccessorFacts = { regionId: RegionId; adoptedOn: CalendarDate };
export type SupersedeRecommendation = Cmd<'SupersedeRecommendation', AsksFrom<RecommendationSuperseded>, { successor?: SuccessorFacts }>;

/**
 * One variant per corrected event type. The type may be left out: the stream knows it, and the
 * recorded `EntryCorrected` always names it; if given, decide checks it against the stream. The
 * handler passes the adopting conference (a corrected adoption date) and the successor (a corrected
 * supersession date) so that rule 7 holds again.
 */
export type CorrectEntry = {
  [T in CorrectableEventType]: Cmd<
    'CorrectEntry',
    { correctsEventId: EventId; correctedEventType?: T; correctedFields: CorrectedFields<T>; reason: string; effectiveOn?: CalendarDate }
  > & { context?: CorrectionFacts };
}[CorrectableEventType];
export type CorrectionFacts = { adoptingConference?: ConferenceFacts; successor?: SuccessorFacts; committees?: NamedCommittees };

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
  | ReviseReportDueDate
  | VerifyImplementation
  | CorrectEntry;
export type RecommendationCommandType = RecommendationCommand['type'];
