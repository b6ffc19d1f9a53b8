import type {
  Anchoring,
  ImplementationStatus,
  IndicatorDirection,
  SustainabilityOutcome,
} from '@app/domain';
import { maxDate, type CalendarDate } from '../history/dates';
import type { HistoricEvent } from '../history/history-at';

/** The state of one hand-off (domain: Assignment). */
export type AssignmentState = 'pending' | 'accepted' | 'declined' | 'withdrawn';

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
  state: AssignmentState;
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
  return handOffs.map(({ currentDueOn: _, overdue: __, ...a }) => {
    const due = retired ? undefined : currentDueOn(a);
    const dated = due === undefined ? a : { ...a, currentDueOn: due };
    return { ...dated, overdue: isOverdue(dated, asOf) };
  });
}

const sortByDate = <T>(list: T[], dateOf: (item: T) => CalendarDate): T[] =>
  // Array.prototype.sort is stable, so equal dates keep stream order.
  [...list].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));

function lastOf<T>(list: T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) return list[i];
  return undefined;
}

/** Every claim among `reports` confirmed: the later of `on` and the last confirmation; else undefined. */
function verifiedOnOf(reports: readonly ReportFacts[], on: CalendarDate): CalendarDate | undefined {
  const claims = reports.filter((r) => r.status === 'implemented' || r.status === 'partially_implemented');
  if (claims.some((r) => r.confirmedOn === undefined)) return undefined;
  return claims.map((r) => r.confirmedOn!).reduce(maxDate, on);
}

type Step =
  | { kind: 'report'; on: CalendarDate; report: ReportFacts }
  | { kind: 'revision'; on: CalendarDate; revision: RevisionFacts }
  | { kind: 'verification'; on: CalendarDate; outcome: 'confirmed' | 'returned'; note?: string };

/**
 * One assignment's standing from its steps in business order (date, then stream order): the last
 * report as a return leaves it, which verification checked which claim, and the due date of the
 * latest of hand-off, report, revision and return (metrics.md "Due dates with revisions",
 * "Returned claims", "Claims").
 */
function standingOf(assignment: AssignmentFacts, steps: Step[]): void {
  let due: CalendarDate | undefined = assignment.reportDueOn;
  let last: ReportFacts | undefined;
  const reports: ReportFacts[] = [];
  const revisions: RevisionFacts[] = [];
  const verifications: VerificationFacts[] = [];
  for (const step of sortByDate(steps, (s) => s.on)) {
    if (step.kind === 'report') {
      reports.push(step.report);
      last = { ...step.report };
      due = step.report.nextReportDueOn;
    } else if (step.kind === 'revision') {
      revisions.push(step.revision);
      due = step.revision.newDueOn;
    } else {
      const open = last && last.returnedOn === undefined && last.confirmedOn === undefined && (last.status === 'implemented' || last.status === 'partially_implemented');
      verifications.push({ outcome: step.outcome, verifiedOn: step.on, ...(step.note ? { note: step.note } : {}), ...(last ? { claimReportedOn: last.reportedOn } : {}) });
      if (!open || !last) continue;
      if (step.outcome === 'confirmed') {
        last = { ...last, confirmedOn: step.on };
      } else {
        const { nextReportDueOn: _, ...rest } = last;
        last = { ...rest, status: 'in_progress', claimedStatus: last.status, returnedOn: step.on };
        due = undefined;
      }
    }
  }
  assignment.reports = reports;
  assignment.revisions = revisions;
  assignment.verifications = verifications;
  assignment.scheduledDueOn = due ?? null;
  if (last) assignment.lastReport = last;
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
 * Folds one recommendation's history (from `historyAt`, stream order) into plain facts.
 * Returns undefined when the history holds no adoption (not yet adopted at `asOf`).
 */
export function recommendationFacts(history: readonly HistoricEvent[], asOf: CalendarDate): RecommendationFacts | undefined {
  let facts: RecommendationFacts | undefined;
  let lastEventOn: CalendarDate | undefined;
  const handOffs: AssignmentFacts[] = [];
  const steps = new Map<AssignmentFacts, Step[]>();
  const indicators = new Map<string, IndicatorFacts>();
  const reviews: ReviewFacts[] = [];
  const outcomeReports: RecommendationFacts['outcomeReports'] = [];
  const ofCommittee = (committeeId: string, states: AssignmentState[]) =>
    lastOf(handOffs, (a) => a.committeeId === committeeId && states.includes(a.state));

  for (const event of history) {
    lastEventOn = lastEventOn === undefined ? event.businessDate : maxDate(lastEventOn, event.businessDate);
    switch (event.type) {
      case 'RecommendationAdopted':
        facts = {
          recommendationId: event.data.recommendationId,
          regionId: event.data.regionId,
          conferenceId: event.data.conferenceId,
          reference: event.data.reference,
          title: event.data.title,
          adoptedOn: event.data.adoptedOn,
          fieldsOfAction: [...event.data.fieldsOfAction],
          handOffs: [],
          indicators: [],
          reviews: [],
          outcomeReports: [],
          lastEventOn: event.businessDate,
          asOf,
        };
        break;
      case 'RecommendationAmended':
        if (facts && event.data.title !== undefined) facts.title = event.data.title;
        if (facts && event.data.fieldsOfAction !== undefined) facts.fieldsOfAction = [...event.data.fieldsOfAction];
        break;
      case 'RecommendationHandedOff': {
        const assignment: AssignmentFacts = {
          committeeId: event.data.committeeId,
          decidedOn: event.data.decidedOn,
          reportDueOn: event.data.reportDueOn,
          state: 'pending',
          withdrawnWhilePending: false,
          reports: [],
          overdue: false,
        };
        handOffs.push(assignment);
        steps.set(assignment, []);
        break;
      }
      case 'HandOffAccepted':
      case 'HandOffDeclined': {
        const assignment = ofCommittee(event.data.committeeId, ['pending']);
        if (!assignment) break;
        assignment.state = event.type === 'HandOffAccepted' ? 'accepted' : 'declined';
        assignment.answer = assignment.state as 'accepted' | 'declined';
        assignment.answeredOn = event.data.on;
        break;
      }
      case 'HandOffWithdrawn': {
        const assignment = ofCommittee(event.data.committeeId, ['pending', 'accepted']);
        if (!assignment) break;
        assignment.withdrawnWhilePending = assignment.state === 'pending';
        assignment.state = 'withdrawn';
        assignment.withdrawnOn = event.data.effectiveOn;
        break;
      }
      case 'ImplementationStatusReported': {
        // A report belongs to the committee's accepted assignment (domain rule 4); one left after a
        // withdrawal stays with the withdrawn assignment for the timeline.
        const assignment = ofCommittee(event.data.committeeId, ['accepted']) ?? ofCommittee(event.data.committeeId, ['withdrawn']);
        if (!assignment) break;
        const report: ReportFacts = {
          status: event.data.status,
          reportedOn: event.data.reportedOn,
          ...(event.data.nextReportDueOn !== undefined ? { nextReportDueOn: event.data.nextReportDueOn } : {}),
        };
        steps.get(assignment)!.push({ kind: 'report', on: report.reportedOn, report });
        break;
      }
      case 'ReportDueDateRevised': {
        const assignment = ofCommittee(event.data.committeeId, ['pending', 'accepted']);
        if (!assignment) break;
        const { newDueOn, decidedOn, reason } = event.data;
        steps.get(assignment)!.push({ kind: 'revision', on: decidedOn, revision: { newDueOn, decidedOn, reason } });
        break;
      }
      case 'ImplementationVerified': {
        const assignment = ofCommittee(event.data.committeeId, ['accepted']) ?? ofCommittee(event.data.committeeId, ['withdrawn']);
        if (!assignment) break;
        const { outcome, verifiedOn, note } = event.data;
        steps.get(assignment)!.push({ kind: 'verification', on: verifiedOn, outcome, ...(note ? { note } : {}) });
        break;
      }
      case 'ImpactIndicatorDefined':
        indicators.set(event.data.indicatorId, {
          indicatorId: event.data.indicatorId,
          committeeId: event.data.committeeId,
          name: event.data.name,
          unit: event.data.unit,
          direction: event.data.direction,
          baseline: { ...event.data.baseline },
          target: { ...event.data.target },
          measurements: [],
        });
        break;
      case 'ImpactMeasured':
        indicators.get(event.data.indicatorId)?.measurements.push({ value: event.data.value, measuredOn: event.data.measuredOn });
        break;
      case 'SustainabilityReviewed':
        reviews.push({ reviewedOn: event.data.reviewedOn, outcome: event.data.outcome, anchoring: [...event.data.anchoring] });
        break;
      case 'OutcomeReportedToConference':
        outcomeReports.push({ conferenceId: event.data.conferenceId, on: event.data.effectiveOn });
        break;
      case 'RecommendationWithdrawn':
        if (facts) facts.withdrawnOn = event.data.effectiveOn;
        break;
      case 'RecommendationSuperseded':
        if (facts) {
          facts.supersededOn = event.data.effectiveOn;
          facts.successorId = event.data.successorId;
        }
        break;
      case 'EntryCorrected':
        // Already applied by historyAt; it only counts as a dated event of the stream.
        break;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }
  if (!facts) return undefined;

  for (const assignment of handOffs) standingOf(assignment, steps.get(assignment)!);
  for (const indicator of indicators.values()) indicator.measurements = sortByDate(indicator.measurements, (m) => m.measuredOn);

  return {
    ...facts,
    handOffs: withDueDates(facts, handOffs, asOf),
    ...implementationOf(handOffs),
    indicators: [...indicators.values()],
    reviews: sortByDate(reviews, (r) => r.reviewedOn),
    outcomeReports,
    lastEventOn: lastEventOn!,
  };
}
