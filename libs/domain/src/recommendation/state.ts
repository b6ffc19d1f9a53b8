import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, ConferenceId, EventId, IndicatorId, RecommendationId, RegionId } from '../shared/ids';
import type { CorrectableEvent, Evidence, ImplementationStatus } from './events';

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
  acceptedOn?: CalendarDate;
  /** The report with the latest `reportedOn` since this hand-off (ties: the later recorded). */
  latestReport?: LatestReport;
  /** How many `ReportDueDateRevised` this assignment has seen. */
  dueDateRevisions?: number;
}

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
  measurements: number;
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
  adoptedOn: CalendarDate;
  title: string;
  text: string;
  fieldsOfAction: string[];
  /** Set once withdrawn or superseded; never unset (rule 1). */
  terminal?: Terminal;
  assignments: Record<CommitteeId, Assignment>;
  indicators: Record<IndicatorId, Indicator>;
  reviews: number;
  entries: RecommendationEntry[];
  corrections: number;
}

export type RecommendationState = { status: 'none' } | AdoptedRecommendation;

export const initialRecommendationState = (): RecommendationState => ({ status: 'none' });

/** Rule 2's "active": a hand-off the committee still has to act on or is acting on. */
export const isActiveAssignment = (assignment: Assignment | undefined): boolean =>
  assignment?.status === 'pending' || assignment?.status === 'accepted';
