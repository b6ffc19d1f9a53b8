import { checkBusinessDate, firstProblem } from '../shared/business-rules';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decision } from '../shared/domain-error';
import type { CommitteeId, RegionId } from '../shared/ids';
import type {
  AdoptRecommendation,
  AmendRecommendation,
  ReportOutcomeToConference,
  NamedCommittees,
  SuccessorFacts,
  SupersedeRecommendation,
  WithdrawRecommendation,
} from './commands';
import { recommendationError } from './errors';
import type {
  OutcomeReportedToConference,
  RecommendationAdopted,
  RecommendationAmended,
  RecommendationSuperseded,
  RecommendationWithdrawn,
} from './events';
import { checkDateSinceAdoption, checkNotTerminal } from './guards';
import { ids } from './ids';
import type { AdoptedRecommendation, RecommendationState } from './state';

export function decideAdopt(command: AdoptRecommendation, state: RecommendationState, today: CalendarDate): Decision<RecommendationAdopted> {
  const data = command.data;
  if (state.status !== 'none') return recommendationError('recommendation.already-adopted', { recommendationId: data.recommendationId });
  const conference = command.context.conference;
  const problem = firstProblem(
    () => checkBusinessDate('adoptedOn', data.adoptedOn, today),
    () =>
      !conference || conference.regionId !== data.regionId
        ? recommendationError('adoption.conference-unknown', { conferenceId: data.conferenceId })
        : undefined,
    () =>
      conference && data.adoptedOn < conference.date
        ? recommendationError('adoption.before-conference', { adoptedOn: data.adoptedOn, conferenceDate: conference.date })
        : undefined,
    () => checkNamedCommittees(data, data.regionId, command.context.committees),
  );
  if (problem) return problem;
  return [{ type: 'RecommendationAdopted', data: { ...data } }];
}

/**
 * Addressees and originating committees are never committees of another region. One not (yet)
 * registered may be named: a recommendation may lead to founding the committee it addresses (the
 * demo's 1. BK addresses AG IJHSEP, registered two months later); a dissolved one too, since the
 * recommendation may predate the dissolution.
 */
export function checkNamedCommittees(
  named: { addressees?: { committeeIds: readonly CommitteeId[] }; originCommitteeIds?: readonly CommitteeId[] },
  regionId: RegionId,
  committees: NamedCommittees | undefined,
) {
  const ids = [...(named.addressees?.committeeIds ?? []), ...(named.originCommitteeIds ?? [])];
  const foreign = [...new Set(ids.filter((id) => committees?.[id] !== undefined && committees[id].regionId !== regionId))];
  return foreign.length > 0 ? recommendationError('adoption.committee-foreign', { committeeIds: foreign }) : undefined;
}

export function decideAmend(command: AmendRecommendation, state: AdoptedRecommendation, today: CalendarDate): Decision<RecommendationAmended> {
  const { title, text, fieldsOfAction, reason, effectiveOn = today } = command.data;
  // Only what differs from the current text is recorded, so history shows the real change.
  const changed = {
    ...(title !== undefined && title !== state.title ? { title } : {}),
    ...(text !== undefined && text !== state.text ? { text } : {}),
    ...(fieldsOfAction !== undefined && !sameList(fieldsOfAction, state.fieldsOfAction) ? { fieldsOfAction } : {}),
  };
  const problem = firstProblem(
    () => (Object.keys(changed).length === 0 ? recommendationError('amendment.no-change') : undefined),
    () => checkDateSinceAdoption(state, 'effectiveOn', effectiveOn, today),
  );
  if (problem) return problem;
  return [{ type: 'RecommendationAmended', data: { ...ids(state), ...changed, reason, effectiveOn } }];
}

export function decideWithdraw(command: WithdrawRecommendation, state: AdoptedRecommendation, today: CalendarDate): Decision<RecommendationWithdrawn> {
  const { reason, effectiveOn = today } = command.data;
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => checkDateSinceAdoption(state, 'effectiveOn', effectiveOn, today),
  );
  if (problem) return problem;
  return [{ type: 'RecommendationWithdrawn', data: { ...ids(state), reason, effectiveOn } }];
}

export function decideSupersede(
  command: SupersedeRecommendation,
  state: AdoptedRecommendation,
  today: CalendarDate,
): Decision<RecommendationSuperseded> {
  const { successorId, reason, effectiveOn = today } = command.data;
  const successor = command.context.successor;
  const problem = firstProblem(
    () => checkNotTerminal(state),
    () => (successorId === state.recommendationId ? recommendationError('supersede.successor-self') : undefined),
    () => (!successor || successor.regionId !== state.regionId ? recommendationError('supersede.successor-unknown', { successorId }) : undefined),
    () => checkDateSinceAdoption(state, 'effectiveOn', effectiveOn, today),
    () => checkNotBeforeSuccessor(effectiveOn, successor),
  );
  if (problem) return problem;
  return [{ type: 'RecommendationSuperseded', data: { ...ids(state), successorId, reason, effectiveOn } }];
}

/** Rule 7: a recommendation is not replaced by one that was not yet adopted on that day. */
export function checkNotBeforeSuccessor(effectiveOn: CalendarDate, successor: SuccessorFacts | undefined) {
  return successor && effectiveOn < successor.adoptedOn
    ? recommendationError('supersede.before-successor', { effectiveOn, successorAdoptedOn: successor.adoptedOn })
    : undefined;
}

/**
 * Allowed after withdrawal too (rule 1). "Later" is judged against the adoption date, which is
 * never before the adopting conference's date (rule 7), so a conference dated after the adoption
 * is a later one.
 */
export function decideReportOutcome(
  command: ReportOutcomeToConference,
  state: AdoptedRecommendation,
  today: CalendarDate,
): Decision<OutcomeReportedToConference> {
  const { conferenceId, summary, effectiveOn = today } = command.data;
  const conference = command.context.conference;
  const problem = firstProblem(
    () => (!conference || conference.regionId !== state.regionId ? recommendationError('outcome.conference-unknown', { conferenceId }) : undefined),
    () =>
      conference && (conferenceId === state.conferenceId || conference.date <= state.adoptedOn)
        ? recommendationError('outcome.conference-not-later', { conferenceId, conferenceDate: conference.date, adoptedOn: state.adoptedOn })
        : undefined,
    () => checkDateSinceAdoption(state, 'effectiveOn', effectiveOn, today),
  );
  if (problem) return problem;
  return [{ type: 'OutcomeReportedToConference', data: { ...ids(state), conferenceId, summary, effectiveOn } }];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** This file's decisions by command type, for decideRecommendation (adoption is decided before the stream exists). */
export const LIFECYCLE_DECISIONS = {
  AmendRecommendation: decideAmend,
  WithdrawRecommendation: decideWithdraw,
  SupersedeRecommendation: decideSupersede,
  ReportOutcomeToConference: decideReportOutcome,
} as const;
