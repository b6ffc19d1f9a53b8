import type { BusinessDateFields } from '../shared/date-field';
import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, ConferenceId, EventId, IndicatorId, RecommendationId, RegionId } from '../shared/ids';
import { everyOf } from '../shared/every';

/** Every recommendation event names its recommendation and region, so a reader never needs the stream id. */
type Ids = { recommendationId: RecommendationId; regionId: RegionId };

export type Addressees = {
  /** Registered committees the recommendation is addressed to. */
  committeeIds: CommitteeId[];
  /** Free-text decision makers outside the registered committees, e.g. "Rat der Stadt". */
  decisionMakers: string[];
};

/** Business date: `adoptedOn` (not before the conference's date). */
export type RecommendationAdopted = {
  type: 'RecommendationAdopted';
  data: Ids & {
    conferenceId: ConferenceId;
    /** e.g. "9. BK / 3" */
    reference: string;
    title: string;
    text: string;
    fieldsOfAction: string[];
    addressees: Addressees;
    originCommitteeIds: CommitteeId[];
    adoptedOn: CalendarDate;
  };
};

/** Only the changed fields are present. Business date: `effectiveOn`. */
export type RecommendationAmended = {
  type: 'RecommendationAmended';
  data: Ids & { title?: string; text?: string; fieldsOfAction?: string[]; reason: string; effectiveOn: CalendarDate };
};

/** Business date: `decidedOn` (the steering group's decision). `reportDueOn` may lie in the future. */
export type RecommendationHandedOff = {
  type: 'RecommendationHandedOff';
  data: Ids & {
    committeeId: CommitteeId;
    mandate: string;
    reportDueOn: CalendarDate;
    decidedOn: CalendarDate;
    /** e.g. the steering group's minutes "LK 2026/04 TOP 3". */
    decisionReference?: string;
  };
};

/** Business date: `on`. */
export type HandOffAccepted = {
  type: 'HandOffAccepted';
  data: Ids & { committeeId: CommitteeId; on: CalendarDate; contact?: string };
};

/** Business date: `on`. */
export type HandOffDeclined = {
  type: 'HandOffDeclined';
  data: Ids & { committeeId: CommitteeId; on: CalendarDate; reason: string };
};

/** Business date: `effectiveOn`. */
export type HandOffWithdrawn = {
  type: 'HandOffWithdrawn';
  data: Ids & { committeeId: CommitteeId; reason: string; effectiveOn: CalendarDate };
};

/**
 * Rule 10: the steering group (or the office for it) moves an active assignment's report due date.
 * The hand-off's `reportDueOn` stays in history. Business date: `decidedOn`; `newDueOn` may lie in the future.
 */
export type ReportDueDateRevised = {
  type: 'ReportDueDateRevised';
  data: Ids & { committeeId: CommitteeId; newDueOn: CalendarDate; reason: string; decidedOn: CalendarDate };
};

export type VerificationOutcome = 'confirmed' | 'returned';
export const VERIFICATION_OUTCOMES: readonly VerificationOutcome[] = ['confirmed', 'returned'];

/**
 * Rule 11: the steering group or the office checks an implementation claim (four eyes).
 * `returned` withdraws the claim from `verifiedOn` on and needs a `note`. Business date: `verifiedOn`.
 */
export type ImplementationVerified = {
  type: 'ImplementationVerified';
  data: Ids & {
    committeeId: CommitteeId;
    outcome: VerificationOutcome;
    verifiedOn: CalendarDate;
    note?: string;
    /** Titles or urls of the claim's evidence that were looked at. */
    evidenceChecked: string[];
  };
};

export type ImplementationStatus =
  | 'not_started'
  | 'planned'
  | 'in_progress'
  | 'partially_implemented'
  | 'implemented'
  | 'not_implemented'
  | 'blocked';
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = [
  'not_started',
  'planned',
  'in_progress',
  'partially_implemented',
  'implemented',
  'not_implemented',
  'blocked',
];
/** Decided against, or stuck: readers must learn why, so these need a `reason`. */
export const STATUSES_REQUIRING_REASON: readonly ImplementationStatus[] = ['not_implemented', 'blocked'];

export type Evidence = { title: string; url: string };

/** Business date: `reportedOn`. `reason` is present (and required) for `not_implemented` and `blocked`. */
export type ImplementationStatusReported = {
  type: 'ImplementationStatusReported';
  data: Ids & {
    committeeId: CommitteeId;
    status: ImplementationStatus;
    /** 0..100 */
    progressPercent?: number;
    summary: string;
    reason?: string;
    evidence: Evidence[];
    reportedOn: CalendarDate;
    nextReportDueOn?: CalendarDate;
  };
};

export type IndicatorDirection = 'increase' | 'decrease';
export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = ['increase', 'decrease'];

/** Business date: `effectiveOn`. `baseline.on` may lie before adoption; `target.dueOn` in the future. */
export type ImpactIndicatorDefined = {
  type: 'ImpactIndicatorDefined';
  data: Ids & {
    /** The committee whose accepted assignment the indicator belongs to. */
    committeeId: CommitteeId;
    indicatorId: IndicatorId;
    name: string;
    unit: string;
    direction: IndicatorDirection;
    baseline: { value: number; on: CalendarDate };
    target: { value: number; dueOn: CalendarDate };
    source: string;
    effectiveOn: CalendarDate;
  };
};

/** Business date: `measuredOn`. */
export type ImpactMeasured = {
  type: 'ImpactMeasured';
  data: Ids & {
    /** The committee that recorded the measurement (its assignment must be accepted). */
    committeeId: CommitteeId;
    indicatorId: IndicatorId;
    value: number;
    measuredOn: CalendarDate;
    source: string;
    note?: string;
  };
};

export type SustainabilityOutcome = 'sustained' | 'at_risk' | 'lapsed';
export const SUSTAINABILITY_OUTCOMES: readonly SustainabilityOutcome[] = ['sustained', 'at_risk', 'lapsed'];
export type Anchoring = 'budget' | 'regular_structure' | 'agreement' | 'staff' | 'none';
export const ANCHORINGS: readonly Anchoring[] = ['budget', 'regular_structure', 'agreement', 'staff', 'none'];

/** Business date: `reviewedOn`. */
export type SustainabilityReviewed = {
  type: 'SustainabilityReviewed';
  data: Ids & { reviewedOn: CalendarDate; outcome: SustainabilityOutcome; anchoring: Anchoring[]; note: string };
};

/** The later conference the outcome is reported to. Business date: `effectiveOn`. */
export type OutcomeReportedToConference = {
  type: 'OutcomeReportedToConference';
  data: Ids & { conferenceId: ConferenceId; summary: string; effectiveOn: CalendarDate };
};

/** Business date: `effectiveOn`. */
export type RecommendationWithdrawn = {
  type: 'RecommendationWithdrawn';
  data: Ids & { reason: string; effectiveOn: CalendarDate };
};

/** Business date: `effectiveOn`. */
export type RecommendationSuperseded = {
  type: 'RecommendationSuperseded';
  data: Ids & { successorId: RecommendationId; reason: string; effectiveOn: CalendarDate };
};

/**
 * Which fields of which event an `EntryCorrected` may change. Ids (recommendation, region,
 * committee, indicator, conference of adoption) are structure, not content: a wrong id is fixed by
 * withdrawing and recording anew, not by a correction. Corrections themselves are not corrected;
 * a second correction of the original replaces the values instead.
 */
export const CORRECTABLE_FIELDS = {
  RecommendationAdopted: ['reference', 'title', 'text', 'fieldsOfAction', 'addressees', 'originCommitteeIds', 'adoptedOn'],
  RecommendationAmended: ['title', 'text', 'fieldsOfAction', 'reason', 'effectiveOn'],
  RecommendationHandedOff: ['mandate', 'reportDueOn', 'decidedOn', 'decisionReference'],
  HandOffAccepted: ['on', 'contact'],
  HandOffDeclined: ['on', 'reason'],
  HandOffWithdrawn: ['reason', 'effectiveOn'],
  ImplementationStatusReported: ['status', 'progressPercent', 'summary', 'reason', 'evidence', 'reportedOn', 'nextReportDueOn'],
  ImpactIndicatorDefined: ['name', 'unit', 'direction', 'baseline', 'target', 'source', 'effectiveOn'],
  ImpactMeasured: ['value', 'measuredOn', 'source', 'note'],
  SustainabilityReviewed: ['reviewedOn', 'outcome', 'anchoring', 'note'],
  OutcomeReportedToConference: ['summary', 'effectiveOn'],
  RecommendationWithdrawn: ['reason', 'effectiveOn'],
  RecommendationSuperseded: ['reason', 'effectiveOn'],
  ReportDueDateRevised: ['newDueOn', 'reason', 'decidedOn'],
  // The outcome is the decision itself: a wrong one is answered by the claim's next report, not rewritten.
  ImplementationVerified: ['verifiedOn', 'note', 'evidenceChecked'],
} as const satisfies { [T in CorrectableEvent['type']]: readonly (keyof Extract<CorrectableEvent, { type: T }>['data'])[] };

/** Every recommendation event except `EntryCorrected` itself. */
export type CorrectableEvent =
  | RecommendationAdopted
  | RecommendationAmended
  | RecommendationHandedOff
  | HandOffAccepted
  | HandOffDeclined
  | HandOffWithdrawn
  | ImplementationStatusReported
  | ImpactIndicatorDefined
  | ImpactMeasured
  | SustainabilityReviewed
  | OutcomeReportedToConference
  | RecommendationWithdrawn
  | RecommendationSuperseded
  | ReportDueDateRevised
  | ImplementationVerified;
export type CorrectableEventType = CorrectableEvent['type'];

/** The new values for the correctable fields of event type `T`. */
export type CorrectedFields<T extends CorrectableEventType> = Partial<
  Pick<CorrectableDataOf<T>, Extract<(typeof CORRECTABLE_FIELDS)[T][number], keyof CorrectableDataOf<T>>>
>;
export type CorrectableDataOf<T extends CorrectableEventType> = Extract<CorrectableEvent, { type: T }>['data'];

/** One variant per corrected event type, so `correctedFields` is typed once `correctedEventType` is narrowed. */
export type EntryCorrectedData = {
  [T in CorrectableEventType]: Ids & {
    correctsEventId: EventId;
    correctedEventType: T;
    correctedFields: CorrectedFields<T>;
    reason: string;
    effectiveOn: CalendarDate;
  };
}[CorrectableEventType];

/**
 * The original event stays; readers apply `correctedFields` over its data (latest correction wins
 * per field). Business date: `effectiveOn`.
 */
export type EntryCorrected = { type: 'EntryCorrected'; data: EntryCorrectedData };

export type RecommendationEvent = CorrectableEvent | EntryCorrected;
export type RecommendationEventType = RecommendationEvent['type'];
export const RECOMMENDATION_EVENT_TYPES = everyOf<RecommendationEventType>()([
  'RecommendationAdopted',
  'RecommendationAmended',
  'RecommendationHandedOff',
  'HandOffAccepted',
  'HandOffDeclined',
  'HandOffWithdrawn',
  'ImplementationStatusReported',
  'ImpactIndicatorDefined',
  'ImpactMeasured',
  'SustainabilityReviewed',
  'OutcomeReportedToConference',
  'RecommendationWithdrawn',
  'RecommendationSuperseded',
  'ReportDueDateRevised',
  'ImplementationVerified',
  'EntryCorrected',
]);

/** The field each event's business date is in: the date `asOf` filters on (businessDateOf). */
export const RECOMMENDATION_BUSINESS_DATE = {
  RecommendationAdopted: 'adoptedOn',
  RecommendationAmended: 'effectiveOn',
  RecommendationHandedOff: 'decidedOn',
  HandOffAccepted: 'on',
  HandOffDeclined: 'on',
  HandOffWithdrawn: 'effectiveOn',
  ImplementationStatusReported: 'reportedOn',
  ImpactIndicatorDefined: 'effectiveOn',
  ImpactMeasured: 'measuredOn',
  SustainabilityReviewed: 'reviewedOn',
  OutcomeReportedToConference: 'effectiveOn',
  RecommendationWithdrawn: 'effectiveOn',
  RecommendationSuperseded: 'effectiveOn',
  ReportDueDateRevised: 'decidedOn',
  ImplementationVerified: 'verifiedOn',
  EntryCorrected: 'effectiveOn',
} as const satisfies BusinessDateFields<RecommendationEvent>;
