import { checkCalendarDate, firstProblem } from '../shared/business-rules';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decision } from '../shared/domain-error';
import type { ReviseReportDueDate, VerifyImplementation } from './commands';
import { recommendationError } from './errors';
import type { ImplementationVerified, ReportDueDateRevised } from './events';
import { checkDateSinceAdoption } from './guards';
import { ids } from './ids';
import { isActiveAssignment, isClaim, type AdoptedRecommendation } from './state';

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** The content rules of a revision, shared with corrections of one. */
export function checkRevisionContent(revision: { newDueOn: CalendarDate; decidedOn: CalendarDate; reason: string }) {
  const { newDueOn, decidedOn, reason } = revision;
  return firstProblem(
    () => (blank(reason) ? recommendationError('due-date-revision.reason-required') : undefined),
    () => checkCalendarDate('newDueOn', newDueOn),
    () => (newDueOn < decidedOn ? recommendationError('due-date-revision.due-before-decision', { newDueOn, decidedOn }) : undefined),
  );
}

/** Rule 10: only an active assignment of a live recommendation, with a reason, not due before it is decided. */
export function decideReviseDueDate(command: ReviseReportDueDate, state: AdoptedRecommendation, today: CalendarDate): Decision<ReportDueDateRevised> {
  const { committeeId, newDueOn, reason, decidedOn } = command.data;
  const assignment = state.assignments[committeeId];
  const problem = firstProblem(
    () => (state.terminal ? recommendationError('due-date-revision.recommendation-retired', { terminal: state.terminal }) : undefined),
    () =>
      isActiveAssignment(assignment)
        ? undefined
        : recommendationError('due-date-revision.assignment-inactive', { committeeId, status: assignment?.status ?? 'none' }),
    () => checkDateSinceAdoption(state, 'decidedOn', decidedOn, today),
    () =>
      assignment && decidedOn < assignment.decidedOn
        ? recommendationError('due-date-revision.before-handoff', { decidedOn, handOffDecidedOn: assignment.decidedOn })
        : undefined,
    () => checkRevisionContent(command.data),
  );
  if (problem) return problem;
  return [{ type: 'ReportDueDateRevised', data: { ...ids(state), committeeId, newDueOn, reason: reason.trim(), decidedOn } }];
}

/** The content rules of a verification, shared with corrections of one. */
export function checkVerificationContent(verification: { outcome: ImplementationVerified['data']['outcome']; note?: string }) {
  return verification.outcome === 'returned' && blank(verification.note) ? recommendationError('verification.note-required') : undefined;
}

/**
 * Rule 11. Four eyes: an account acting for the reporting committee (a member, or the office on its
 * behalf) and the account that recorded the claim may not verify it.
 */
export function decideVerify(command: VerifyImplementation, state: AdoptedRecommendation, today: CalendarDate): Decision<ImplementationVerified> {
  const { committeeId, outcome, verifiedOn, note, evidenceChecked = [] } = command.data;
  const { actor } = command.meta;
  const assignment = state.assignments[committeeId];
  const claim = isActiveAssignment(assignment) ? assignment?.latestReport : undefined;
  const known = new Set((claim?.evidence ?? []).flatMap((e) => [e.title, e.url]));
  const unknown = evidenceChecked.filter((item) => !known.has(item));
  const problem = firstProblem(
    () => (isClaim(claim) ? undefined : recommendationError('verification.no-current-claim', { committeeId, status: assignment?.latestReport?.status ?? 'none' })),
    () => (claim?.confirmedOn ? recommendationError('verification.already-verified', { committeeId, confirmedOn: claim.confirmedOn }) : undefined),
    () =>
      actor.committeeIds.includes(committeeId) ||
      actor.onBehalfOf === committeeId ||
      (command.context.claimReportedBy !== undefined && command.context.claimReportedBy === actor.userId)
        ? recommendationError('verification.by-reporting-committee', { committeeId })
        : undefined,
    () => checkDateSinceAdoption(state, 'verifiedOn', verifiedOn, today),
    () => (claim && verifiedOn < claim.reportedOn ? recommendationError('verification.before-claim', { verifiedOn, reportedOn: claim.reportedOn }) : undefined),
    () => checkVerificationContent(command.data),
    () => (unknown.length > 0 ? recommendationError('verification.evidence-unknown', { unknown }) : undefined),
  );
  if (problem) return problem;
  const trimmed = note?.trim();
  return [
    {
      type: 'ImplementationVerified',
      data: { ...ids(state), committeeId, outcome, verifiedOn, ...(blank(trimmed) ? {} : { note: trimmed }), evidenceChecked },
    },
  ];
}

/** This file's decisions by command type, for decideRecommendation. */
export const VERIFICATION_DECISIONS = {
  ReviseReportDueDate: decideReviseDueDate,
  VerifyImplementation: decideVerify,
} as const;
