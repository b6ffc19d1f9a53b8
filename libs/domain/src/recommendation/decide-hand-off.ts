import { checkCalendarDate, firstProblem } from '../shared/business-rules';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decision } from '../shared/domain-error';
import type { AcceptHandOff, DeclineHandOff, HandOffRecommendation, WithdrawHandOff } from './commands';
import { ids } from './ids';
import { recommendationError } from './errors';
import type { HandOffAccepted, HandOffDeclined, HandOffWithdrawn, RecommendationHandedOff } from './events';
import { actsFor, checkDateSinceAdoption, checkNotTerminal } from './guards';
import { isActiveAssignment, type AdoptedRecommendation } from './state';

/** Rules 1, 2 and 7. */
export function decideHandOff(command: HandOffRecommendation, state: AdoptedRecommendation, today: CalendarDate): Decision<RecommendationHandedOff> {
  const { committeeId, mandate, reportDueOn, decidedOn, decisionReference } = command.data;
  const committee = command.context.committee;
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => (!committee || committee.regionId !== state.regionId ? recommendationError('handoff.committee-unknown', { committeeId }) : undefined),
    () => (committee?.dissolved ? recommendationError('handoff.committee-dissolved', { committeeId }) : undefined),
    () =>
      isActiveAssignment(state.assignments[committeeId])
        ? recommendationError('handoff.already-active', { committeeId, status: state.assignments[committeeId]?.status })
        : undefined,
    () => checkDateSinceAdoption(state, 'decidedOn', decidedOn, today),
    () => checkCalendarDate('reportDueOn', reportDueOn),
    () => (reportDueOn < decidedOn ? recommendationError('handoff.due-before-decision', { reportDueOn, decidedOn }) : undefined),
  );
  if (problem) return problem;
  return [
    {
      type: 'RecommendationHandedOff',
      data: { ...ids(state), committeeId, mandate, reportDueOn, decidedOn, ...(decisionReference === undefined ? {} : { decisionReference }) },
    },
  ];
}

/** Rule 3: only a pending hand-off, only by its committee (or the office for it), not before it was decided. */
function checkDecisionOnHandOff(command: AcceptHandOff | DeclineHandOff, state: AdoptedRecommendation, today: CalendarDate) {
  const { committeeId, on } = command.data;
  const assignment = state.assignments[committeeId];
  return firstProblem(
    () => (assignment ? undefined : recommendationError('handoff.unknown', { committeeId })),
    () => (actsFor(command.meta.actor, committeeId) ? undefined : recommendationError('handoff.wrong-committee', { committeeId })),
    () => (assignment && assignment.status !== 'pending' ? recommendationError('handoff.not-pending', { committeeId, status: assignment.status }) : undefined),
    () => checkDateSinceAdoption(state, 'on', on, today),
    () => (assignment && on < assignment.decidedOn ? recommendationError('handoff.before-decision', { on, decidedOn: assignment.decidedOn }) : undefined),
  );
}

/** Accepting is new work, so a withdrawn or superseded recommendation refuses it (rule 1). */
export function decideAccept(command: AcceptHandOff, state: AdoptedRecommendation, today: CalendarDate): Decision<HandOffAccepted> {
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => checkDecisionOnHandOff(command, state, today),
  );
  if (problem) return problem;
  const { committeeId, on, contact } = command.data;
  return [{ type: 'HandOffAccepted', data: { ...ids(state), committeeId, on, ...(contact === undefined ? {} : { contact }) } }];
}

/** Declining creates no work, so a committee may still decline after the recommendation was withdrawn. */
export function decideDecline(command: DeclineHandOff, state: AdoptedRecommendation, today: CalendarDate): Decision<HandOffDeclined> {
  const problem = checkDecisionOnHandOff(command, state, today);
  if (problem) return problem;
  const { committeeId, on, reason } = command.data;
  return [{ type: 'HandOffDeclined', data: { ...ids(state), committeeId, on, reason } }];
}

/** Also possible after withdrawal: the steering group tidies up open assignments. */
export function decideWithdrawHandOff(command: WithdrawHandOff, state: AdoptedRecommendation, today: CalendarDate): Decision<HandOffWithdrawn> {
  const { committeeId, reason, effectiveOn = today } = command.data;
  const assignment = state.assignments[committeeId];
  const problem = firstProblem(
    () => (assignment ? undefined : recommendationError('handoff.unknown', { committeeId })),
    () => (isActiveAssignment(assignment) ? undefined : recommendationError('handoff.not-active', { committeeId, status: assignment?.status })),
    () => checkDateSinceAdoption(state, 'effectiveOn', effectiveOn, today),
  );
  if (problem) return problem;
  return [{ type: 'HandOffWithdrawn', data: { ...ids(state), committeeId, reason, effectiveOn } }];
}

/** This file's decisions by command type, for decideRecommendation. */
export const HAND_OFF_DECISIONS = {
  HandOffRecommendation: decideHandOff,
  AcceptHandOff: decideAccept,
  DeclineHandOff: decideDecline,
  WithdrawHandOff: decideWithdrawHandOff,
} as const;
