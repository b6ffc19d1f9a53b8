import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, ConferenceId, EventId, IndicatorId, RecommendationId, RegionId } from '../shared/ids';
import type {
  Addressees,
  Anchoring,
  CorrectableEvent,
  Evidence,
  ImplementationStatus,
  IndicatorDirection,
  SustainabilityOutcome,
  VerificationOutcome,
} from './events';

/** The state of one committee's current hand-off (Zuständigkeit). A new hand-off replaces a declined or withdrawn one. */
export type AssignmentStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface Assignment {
  committeeId: CommitteeId;
  status: AssignmentStatus;
  mandate: string;
  decidedOn: CalendarDate;
  reportDueOn: CalendarDate;
  /** The `RecommendationHandedOff` this assignment stems from, when known. */
  handOffEventId?: EventId;
  /** The committee's answer and its date, kept when the assignment is later withdrawn. */
  answer?: 'accepted' | 'declined';
  answeredOn?: CalendarDate;
  withdrawnOn?: CalendarDate;
  withdrawnWhilePending?: boolean;
  /** The report with the latest `reportedOn` since this hand-off (ties: the later recorded). */
  latestReport?: LatestReport;
  /**
   * The assignment's reports, due date revisions and verifications in stream order, with their
   * business dates: the figures read them in business order (metrics.md "Due dates with revisions").
   */
  steps: AssignmentStep[];
}

/** `on` is the step's business date: the report's `reportedOn`, the revision's `decidedOn`, the verification's `verifiedOn`. */
export type AssignmentStep =
  | { kind: 'report'; on: CalendarDate; status: ImplementationStatus; nextReportDueOn?: CalendarDate }
  | { kind: 'revision'; on: CalendarDate; newDueOn: CalendarDate; reason: string }
  | { kind: 'verification'; on: CalendarDate; outcome: VerificationOutcome; note?: string };

export interface LatestReport {
  status: ImplementationStatus;
  reportedOn: CalendarDate;
  eventId?: EventId;
  evidence?: readonly Evidence[];
  /** Set once a claim is confirmed (rule 11: at most once). */
  confirmedOn?: CalendarDate;
  /**
   * Set when the claim was returned: from then on the report counts as `in_progress` (the status
   * above already says so) and a new report must not be dated before it.
   */
  returnedOn?: CalendarDate;
}

/** Rule 11's claim: the assignment's latest report says (partly) implemented and was not returned. */
export const isClaim = (report: LatestReport | undefined): report is LatestReport =>
  report !== undefined && report.returnedOn === undefined && (report.status === 'implemented' || report.status === 'partially_implemented');

export interface Indicator {
  indicatorId: IndicatorId;
  committeeId: CommitteeId;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: { value: number; on: CalendarDate };
  target: { value: number; dueOn: CalendarDate };
  measurements: number;
  /** Its place among the recommendation's indicators, by first definition (a record puts ids that look like numbers first). */
  seq: number;
  /** In stream order. */
  measured: { value: number; measuredOn: CalendarDate }[];
}

export interface SustainabilityReview {
  reviewedOn: CalendarDate;
  outcome: SustainabilityOutcome;
  anchoring: Anchoring[];
}

/**
 * One recorded event of the stream with all corrections applied to its data. Kept so that
 * `EntryCorrected` can be checked (the event exists, the fields belong to its type) and applied
 * (the derived state is rebuilt from the corrected entries).
 */
export interface RecommendationEntry {
  eventId?: EventId;
  event: CorrectableEvent;
}

export type Terminal = 'withdrawn' | 'superseded';

export interface AdoptedRecommendation {
  status: 'adopted';
  recommendationId: RecommendationId;
  regionId: RegionId;
  conferenceId: ConferenceId;
  reference: string;
  adoptedOn: CalendarDate;
  title: string;
  text: string;
  fieldsOfAction: string[];
  addressees: Addressees;
  /** Set once withdrawn or superseded; never unset (rule 1). */
  terminal?: Terminal;
  withdrawnOn?: CalendarDate;
  supersededOn?: CalendarDate;
  successorId?: RecommendationId;
  /** Every hand-off in stream order; `assignments` holds each committee's latest of them. */
  handOffs: Assignment[];
  assignments: Record<CommitteeId, Assignment>;
  indicators: Record<IndicatorId, Indicator>;
  /** In stream order. */
  reviews: SustainabilityReview[];
  outcomeReports: { conferenceId: ConferenceId; on: CalendarDate }[];
  entries: RecommendationEntry[];
  corrections: number;
}

export type RecommendationState = { status: 'none' } | AdoptedRecommendation;

export const initialRecommendationState = (): RecommendationState => ({ status: 'none' });

/** Rule 2's "active": a hand-off the committee still has to act on or is acting on. */
export const isActiveAssignment = (assignment: Assignment | undefined): boolean =>
  assignment?.status === 'pending' || assignment?.status === 'accepted';
