import { checkBusinessDate, checkCalendarDate, firstProblem } from '../shared/business-rules';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decision } from '../shared/domain-error';
import type { CommitteeId } from '../shared/ids';
import type { Actor } from '../shared/metadata';
import type { DefineImpactIndicator, RecordImpactMeasurement, ReportImplementationStatus, ReviewSustainability } from './commands';
import { recommendationError, type RecommendationErrorCode } from './errors';
import {
  STATUSES_REQUIRING_REASON,
  type ImpactIndicatorDefined,
  type ImpactMeasured,
  type ImplementationStatus,
  type ImplementationStatusReported,
  type SustainabilityReviewed,
} from './events';
import { actsFor, checkDateSinceAdoption, checkNotTerminal } from './guards';
import { ids } from './ids';
import type { AdoptedRecommendation } from './state';

/** Rule 4's common part: the actor acts for the committee, and the committee's hand-off is accepted. */
function checkAcceptedAssignment(
  state: AdoptedRecommendation,
  actor: Actor,
  committeeId: CommitteeId,
  missing: Extract<RecommendationErrorCode, `${string}.requires-accepted-handoff`>,
) {
  const assignment = state.assignments[committeeId];
  return firstProblem(
    () => (actsFor(actor, committeeId) ? undefined : recommendationError('assignment.wrong-committee', { committeeId })),
    () => (assignment?.status === 'accepted' ? undefined : recommendationError(missing, { committeeId, status: assignment?.status ?? 'none' })),
  );
}

/** The content rules of a report, shared with corrections of a report. */
export function checkReportContent(report: {
  status: ImplementationStatus;
  reason?: string;
  progressPercent?: number;
  reportedOn: CalendarDate;
  nextReportDueOn?: CalendarDate;
}) {
  const { status, reason, progressPercent, reportedOn, nextReportDueOn } = report;
  return firstProblem(
    () =>
      STATUSES_REQUIRING_REASON.includes(status) && (reason === undefined || reason.trim() === '')
        ? recommendationError('status.reason-required', { status })
        : undefined,
    () =>
      progressPercent !== undefined && !(progressPercent >= 0 && progressPercent <= 100)
        ? recommendationError('status.progress-out-of-range', { progressPercent })
        : undefined,
    () => (nextReportDueOn === undefined ? undefined : checkCalendarDate('nextReportDueOn', nextReportDueOn)),
    () =>
      nextReportDueOn !== undefined && nextReportDueOn < reportedOn
        ? recommendationError('status.next-due-before-report', { nextReportDueOn, reportedOn })
        : undefined,
  );
}

export function decideReportStatus(
  command: ReportImplementationStatus,
  state: AdoptedRecommendation,
  today: CalendarDate,
): Decision<ImplementationStatusReported> {
  const { recommendationId: _, ...data } = command.data;
  const assignment = state.assignments[data.committeeId];
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => checkAcceptedAssignment(state, command.meta.actor, data.committeeId, 'status.requires-accepted-handoff'),
    () => checkDateSinceAdoption(state, 'reportedOn', data.reportedOn, today),
    () =>
      assignment && data.reportedOn < assignment.decidedOn
        ? recommendationError('status.before-handoff', { reportedOn: data.reportedOn, decidedOn: assignment.decidedOn })
        : undefined,
    () => checkReportContent(data),
    () =>
      assignment?.latestReport?.returnedOn !== undefined && data.reportedOn < assignment.latestReport.returnedOn
        ? recommendationError('status.before-return', { reportedOn: data.reportedOn, returnedOn: assignment.latestReport.returnedOn })
        : undefined,
  );
  if (problem) return problem;
  return [{ type: 'ImplementationStatusReported', data: { ...ids(state), ...data } }];
}

/** The content rules of an indicator, shared with corrections of one. */
export function checkIndicatorContent(indicator: { baseline: { on: CalendarDate }; target: { dueOn: CalendarDate } }, today: CalendarDate) {
  const { baseline, target } = indicator;
  return firstProblem(
    () => checkBusinessDate('baseline.on', baseline.on, today),
    () => checkCalendarDate('target.dueOn', target.dueOn),
    () =>
      target.dueOn < baseline.on ? recommendationError('indicator.target-before-baseline', { baselineOn: baseline.on, targetDueOn: target.dueOn }) : undefined,
  );
}

export function decideDefineIndicator(
  command: DefineImpactIndicator,
  state: AdoptedRecommendation,
  today: CalendarDate,
): Decision<ImpactIndicatorDefined> {
  const { recommendationId: _, effectiveOn = today, ...data } = command.data;
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => checkAcceptedAssignment(state, command.meta.actor, data.committeeId, 'indicator.requires-accepted-handoff'),
    () => (state.indicators[data.indicatorId] ? recommendationError('indicator.duplicate-id', { indicatorId: data.indicatorId }) : undefined),
    () => checkDateSinceAdoption(state, 'effectiveOn', effectiveOn, today),
    () => checkIndicatorContent(data, today),
  );
  if (problem) return problem;
  return [{ type: 'ImpactIndicatorDefined', data: { ...ids(state), ...data, effectiveOn } }];
}

export function decideRecordMeasurement(
  command: RecordImpactMeasurement,
  state: AdoptedRecommendation,
  today: CalendarDate,
): Decision<ImpactMeasured> {
  const { recommendationId: _, ...data } = command.data;
  // Rule 5: the indicator is its defining committee's; the committee the measurement names (and the
  // actor acts for, checked with the assignment) must be that one.
  const indicator = state.indicators[data.indicatorId];
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => checkAcceptedAssignment(state, command.meta.actor, data.committeeId, 'measurement.requires-accepted-handoff'),
    () => (indicator ? undefined : recommendationError('measurement.unknown-indicator', { indicatorId: data.indicatorId })),
    () =>
      indicator && indicator.committeeId !== data.committeeId
        ? recommendationError('measurement.not-indicator-owner', { indicatorId: data.indicatorId, owner: indicator.committeeId, committeeId: data.committeeId })
        : undefined,
    () => checkDateSinceAdoption(state, 'measuredOn', data.measuredOn, today),
  );
  if (problem) return problem;
  return [{ type: 'ImpactMeasured', data: { ...ids(state), ...data } }];
}

/** Rule 6: something must have been implemented before its sustainability can be reviewed. */
export function hasImplementation(state: AdoptedRecommendation): boolean {
  return Object.values(state.assignments).some(
    (a) => a.latestReport?.status === 'implemented' || a.latestReport?.status === 'partially_implemented',
  );
}

export function decideReviewSustainability(
  command: ReviewSustainability,
  state: AdoptedRecommendation,
  today: CalendarDate,
): Decision<SustainabilityReviewed> {
  const { recommendationId: _, ...data } = command.data;
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => (hasImplementation(state) ? undefined : recommendationError('review.requires-implementation')),
    () => checkDateSinceAdoption(state, 'reviewedOn', data.reviewedOn, today),
  );
  if (problem) return problem;
  return [{ type: 'SustainabilityReviewed', data: { ...ids(state), ...data } }];
}

/** This file's decisions by command type, for decideRecommendation. */
export const REPORTING_DECISIONS = {
  ReportImplementationStatus: decideReportStatus,
  DefineImpactIndicator: decideDefineIndicator,
  RecordImpactMeasurement: decideRecordMeasurement,
  ReviewSustainability: decideReviewSustainability,
} as const;
