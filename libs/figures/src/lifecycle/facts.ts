import {
  foldCorrected,
  type AdoptedRecommendation,
  type Anchoring,
  type Assignment,
  type AssignmentStatus,
  type ImplementationStatus,
  type IndicatorDirection,
  type SustainabilityOutcome,
} from '@app/domain';
import { maxDate, type CalendarDate } from '../history/dates';
import type { HistoricEvent } from '../history/history-at';

export interface ReportFacts {
  status: ImplementationStatus;
  reportedOn: CalendarDate;
  nextReportDueOn?: CalendarDate;
  /** A claim confirmed by a verification following it in business order (metrics.md "Claims"). */
  confirmedOn?: CalendarDate;
  /**
   * Set on the standing of a returned claim: from this day on the report counts as `in_progress`
   * with no `nextReportDueOn` (metrics.md "Returned claims"); `claimedStatus` is what it said.
   */
  returnedOn?: CalendarDate;
  claimedStatus?: ImplementationStatus;
}

/** A `ReportDueDateRevised` of the assignment. */
export interface RevisionFacts {
  newDueOn: CalendarDate;
  decidedOn: CalendarDate;
  reason: string;
}

/** An `ImplementationVerified` of the assignment, and the report date of the claim it checked. */
export interface VerificationFacts {
  outcome: 'confirmed' | 'returned';
  verifiedOn: CalendarDate;
  note?: string;
  claimReportedOn?: CalendarDate;
}

/** One hand-off and the assignment it opened. */
export interface AssignmentFacts {
  committeeId: string;
  decidedOn: CalendarDate;
  reportDueOn: CalendarDate;
  state: AssignmentStatus;
  /** The committee's answer and its date, kept when the assignment is later withdrawn. */
  answer?: 'accepted' | 'declined';
  answeredOn?: CalendarDate;
  withdrawnOn?: CalendarDate;
  withdrawnWhilePending: boolean;
  /** In business-date order (ties: stream order), as reported. */
  reports: ReportFacts[];
  /** The assignment's standing: the last report, as a returned claim leaves it (metrics.md). */
  lastReport?: ReportFacts;
  /** In business-date order (ties: stream order). Absent in facts stored before revisions existed. */
  revisions?: RevisionFacts[];
  verifications?: VerificationFacts[];
  /**
   * The due date of the latest of hand-off, reports, revisions and returns in business order
   * (metrics.md "Due dates with revisions"); null: none. Absent in facts stored before it existed.
   */
  scheduledDueOn?: CalendarDate | null;
  /** `scheduledDueOn`, but none once the recommendation is withdrawn or superseded (domain rule 1). */
  currentDueOn?: CalendarDate;
  /** At the facts' `asOf`; figures for another day call `isOverdue` with theirs. */
  overdue: boolean;
}

export interface IndicatorFacts {
  indicatorId: string;
  committeeId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: { value: number; on: CalendarDate };
  target: { value: number; dueOn: CalendarDate };
  /** In business-date order (ties: stream order). */
  measurements: { value: number; measuredOn: CalendarDate }[];
}

export interface ReviewFacts {
  reviewedOn: CalendarDate;
  outcome: SustainabilityOutcome;
  anchoring: Anchoring[];
}

/** What a read model can store per recommendation and every figure consumes. */
export interface RecommendationFacts {
  recommendationId: string;
  regionId: string;
  conferenceId: string;
  reference: string;
  title: string;
  adoptedOn: CalendarDate;
  /** As amended and corrected. */
  fieldsOfAction: string[];
  withdrawnOn?: CalendarDate;
  supersededOn?: CalendarDate;
  successorId?: string;
  handOffs: AssignmentFacts[];
  /** At most one of the three is set: the recommendation's implementation standing and the date of the report that made it so. */
  implementedOn?: CalendarDate;
  partiallyImplementedOn?: CalendarDate;
  notImplementedOn?: CalendarDate;
  /**
   * metrics.md "Verified implemented": implemented, and every active assignment's claim confirmed;
   * the later of `implementedOn` and the last confirmation.
   */
  verifiedImplementedOn?: CalendarDate;
  /** Likewise for a partly implemented recommendation: every claim among its active assignments confirmed (the funnel's "bestätigt"). */
  verifiedPartiallyImplementedOn?: CalendarDate;
  indicators: IndicatorFacts[];
  /** In business-date order. */
  reviews: ReviewFacts[];
  outcomeReports: { conferenceId: string; on: CalendarDate }[];
  /** The latest business date of any event of the stream (corrections included). */
  lastEventOn: CalendarDate;
  /** The business day these facts describe. */
  asOf: CalendarDate;
}

/** Active while pending or accepted (metrics.md); declined and withdrawn assignments are not. */
export const isActive = (a: Pick<AssignmentFacts, 'state'>): boolean => a.state === 'pending' || a.state === 'accepted';

export function currentDueOn(a: Pick<AssignmentFacts, 'lastReport' | 'reportDueOn' | 'scheduledDueOn'>): CalendarDate | undefined {
  if (a.scheduledDueOn !== undefined) return a.scheduledDueOn ?? undefined;
  if (!a.lastReport) return a.reportDueOn;
  return a.lastReport.nextReportDueOn;
}

/** metrics.md "Claims": an active assignment whose standing is (partly) implemented. */
export const isClaim = (a: Pick<AssignmentFacts, 'state' | 'lastReport'>): boolean =>
  isActive(a) && (a.lastReport?.status === 'implemented' || a.lastReport?.status === 'partially_implemented');

/** A recommendation withdrawn or superseded leaves every base of metrics.md, and nothing of it is due (domain rule 1). */
export const isRetired = (f: Pick<RecommendationFacts, 'withdrawnOn' | 'supersededOn'>): boolean => f.withdrawnOn !== undefined || f.supersededOn !== undefined;

/**
 * Overdue: an active assignment's current due date lies before `asOf`; a final report is never
 * overdue, and an assignment of a retired recommendation has no current due date.
 */
export function isOverdue(a: Pick<AssignmentFacts, 'state' | 'lastReport' | 'currentDueOn'>, asOf: CalendarDate): boolean {
  if (!isActive(a)) return false;
  const status = a.lastReport?.status;
  if (status === 'implemented' || status === 'not_implemented') return false;
  return a.currentDueOn !== undefined && a.currentDueOn < asOf;
}

/**
 * The assignments' due dates and overdue flags at `asOf`. Facts hold a withdrawal or supersession
 * only when it is dated on or before their `asOf`, so a retired recommendation's assignments have
 * no due date from that day on, whichever path (replay, stored read model) built the facts.
 */
export function withDueDates(f: Pick<RecommendationFacts, 'withdrawnOn' | 'supersededOn'>, handOffs: readonly AssignmentFacts[], asOf: CalendarDate): AssignmentFacts[] {
  const retired = isRetired(f);
  return handOffs.map(({ currentDueOn: _, overdue: __, ...a }) => dueAt(a as AssignmentFacts, retired, asOf));
}

/** Sets the due date and overdue flag of assignment facts that have none yet (and belong to the caller). */
function dueAt(a: AssignmentFacts, retired: boolean, asOf: CalendarDate): AssignmentFacts {
  const due = retired ? undefined : currentDueOn(a);
  if (due !== undefined) a.currentDueOn = due;
  a.overdue = isOverdue(a, asOf);
  return a;
}

/** A new list in date order, ties in the order given. Most lists come in date order already, so that is checked first. */
function sortByDate<T>(list: readonly T[], dateOf: (item: T) => CalendarDate): T[] {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = dateOf(list[i - 1]) <= dateOf(list[i]);
  // Array.prototype.sort is stable, so equal dates keep stream order.
  return sorted ? list.slice() : [...list].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
}

/** Every claim among `reports` confirmed: the later of `on` and the last confirmation; else undefined. */
function verifiedOnOf(reports: readonly ReportFacts[], on: CalendarDate): CalendarDate | undefined {
  const claims = reports.filter((r) => r.status === 'implemented' || r.status === 'partially_implemented');
  if (claims.some((r) => r.confirmedOn === undefined)) return undefined;
  return claims.map((r) => r.confirmedOn!).reduce(maxDate, on);
}

/**
 * One assignment's standing from its steps in business order (date, then stream order): the last
 * report as a return leaves it, which verification checked which claim, and the due date of the
 * latest of hand-off, report, revision and return (metrics.md "Due dates with revisions",
 * "Returned claims", "Claims").
 */
function standingOf(assignment: Assignment, facts: AssignmentFacts): void {
  let due: CalendarDate | undefined = assignment.reportDueOn;
  let last: ReportFacts | undefined;
  const reports: ReportFacts[] = [];
  const revisions: RevisionFacts[] = [];
  const verifications: VerificationFacts[] = [];
  for (const step of sortByDate(assignment.steps, (s) => s.on)) {
    if (step.kind === 'report') {
      const { status, on: reportedOn, nextReportDueOn } = step;
      const report: ReportFacts = nextReportDueOn === undefined ? { status, reportedOn } : { status, reportedOn, nextReportDueOn };
      reports.push(report);
      last = { ...report };
      due = nextReportDueOn;
    } else if (step.kind === 'revision') {
      const { newDueOn, on: decidedOn, reason } = step;
      revisions.push({ newDueOn, decidedOn, reason });
      due = newDueOn;
    } else {
      const { outcome, on: verifiedOn, note } = step;
      const open = last && last.returnedOn === undefined && last.confirmedOn === undefined && (last.status === 'implemented' || last.status === 'partially_implemented');
      verifications.push({ outcome, verifiedOn, ...(note ? { note } : {}), ...(last ? { claimReportedOn: last.reportedOn } : {}) });
      if (!open || !last) continue;
      if (outcome === 'confirmed') {
        last = { ...last, confirmedOn: verifiedOn };
      } else {
        const { nextReportDueOn: _, ...rest } = last;
        last = { ...rest, status: 'in_progress', claimedStatus: last.status, returnedOn: verifiedOn };
        due = undefined;
      }
    }
  }
  facts.reports = reports;
  facts.revisions = revisions;
  facts.verifications = verifications;
  facts.scheduledDueOn = due ?? null;
  if (last) facts.lastReport = last;
}

/** The domain's assignment as the figures read it, before its due date and overdue flag (`dueAt`). */
function assignmentFacts(a: Assignment): AssignmentFacts {
  const facts: AssignmentFacts = {
    committeeId: a.committeeId,
    decidedOn: a.decidedOn,
    reportDueOn: a.reportDueOn,
    state: a.status,
    withdrawnWhilePending: a.withdrawnWhilePending ?? false,
    reports: [],
    overdue: false,
  };
  if (a.answer !== undefined) {
    facts.answer = a.answer;
    facts.answeredOn = a.answeredOn;
  }
  if (a.withdrawnOn !== undefined) facts.withdrawnOn = a.withdrawnOn;
  standingOf(a, facts);
  return facts;
}

/**
 * Implementation standing from the active assignments' last reports (metrics.md "Precise rules").
 * The date is the latest of those reports: the one that completed the set.
 */
function implementationOf(handOffs: AssignmentFacts[]): Pick<RecommendationFacts, 'implementedOn' | 'partiallyImplementedOn' | 'notImplementedOn'> {
  const active = handOffs.filter(isActive);
  if (active.length === 0 || active.some((a) => !a.lastReport || a.state !== 'accepted')) return {};
  const reports = active.map((a) => a.lastReport!);
  const on = reports.map((r) => r.reportedOn).reduce(maxDate);
  const final = (s: ImplementationStatus) => s === 'implemented' || s === 'partially_implemented' || s === 'not_implemented';
  const verifiedOn = verifiedOnOf(reports, on);
  if (reports.every((r) => r.status === 'implemented')) return { implementedOn: on, ...(verifiedOn ? { verifiedImplementedOn: verifiedOn } : {}) };
  if (reports.every((r) => r.status === 'not_implemented')) return { notImplementedOn: on };
  if (reports.every((r) => final(r.status))) return { partiallyImplementedOn: on, ...(verifiedOn ? { verifiedPartiallyImplementedOn: verifiedOn } : {}) };
  return {};
}

/**
 * The facts of one recommendation's history (from `historyAt`, stream order): the domain's own
 * fold of it, read as the figures need it. Corrections are already applied by `historyAt`; they
 * only count as dated events of the stream. Undefined when the history holds no adoption (not yet
 * adopted at `asOf`).
 */
export function recommendationFacts(history: readonly HistoricEvent[], asOf: CalendarDate): RecommendationFacts | undefined {
  return readRecommendation(history, asOf)?.facts;
}

/** The domain state of a history from `historyAt`, and its facts at `asOf`; undefined when not adopted. */
export function readRecommendation(history: readonly HistoricEvent[], asOf: CalendarDate): { state: AdoptedRecommendation; facts: RecommendationFacts } | undefined {
  const state = foldCorrected(history);
  if (state.status === 'none') return undefined;
  let lastEventOn = history[0].businessDate;
  for (const event of history) lastEventOn = maxDate(lastEventOn, event.businessDate);
  return { state, facts: factsOf(state, lastEventOn, asOf) };
}

/**
 * The domain state as facts at `asOf`: the figures' reading of it, no rule of the stream. Facts share
 * values with the state and the events (nothing changes facts once made); lists are new.
 */
export function factsOf(state: AdoptedRecommendation, lastEventOn: CalendarDate, asOf: CalendarDate): RecommendationFacts {
  const handOffs = state.handOffs.map(assignmentFacts);
  const retirement = {
    ...(state.withdrawnOn !== undefined ? { withdrawnOn: state.withdrawnOn } : {}),
    ...(state.supersededOn !== undefined ? { supersededOn: state.supersededOn, successorId: state.successorId } : {}),
  };
  const retired = isRetired(retirement);
  return {
    recommendationId: state.recommendationId,
    regionId: state.regionId,
    conferenceId: state.conferenceId,
    reference: state.reference,
    title: state.title,
    adoptedOn: state.adoptedOn,
    fieldsOfAction: state.fieldsOfAction,
    ...retirement,
    handOffs: handOffs.map((a) => dueAt(a, retired, asOf)),
    ...implementationOf(handOffs),
    indicators: Object.values(state.indicators)
      .sort((a, b) => a.seq - b.seq)
      .map((i) => ({
        indicatorId: i.indicatorId,
        committeeId: i.committeeId,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        baseline: i.baseline,
        target: i.target,
        measurements: sortByDate(i.measured, (m) => m.measuredOn),
      })),
    reviews: sortByDate(state.reviews, (r) => r.reviewedOn),
    outcomeReports: [...state.outcomeReports],
    lastEventOn,
    asOf,
  };
}
