import { todayOf } from '../shared/business-rules';
import type { Decision } from '../shared/domain-error';
import type { RecommendationCommand } from './commands';
import { decideCorrection } from './decide-correction';
import { decideAccept, decideDecline, decideHandOff, decideWithdrawHandOff } from './decide-hand-off';
import { decideAdopt, decideAmend, decideReportOutcome, decideSupersede, decideWithdraw } from './decide-lifecycle';
import { decideDefineIndicator, decideRecordMeasurement, decideReportStatus, decideReviewSustainability } from './decide-reporting';
import { decideReviseDueDate, decideVerify } from './decide-verification';
import { recommendationError } from './errors';
import type { RecommendationEvent } from './events';
import type { RecommendationState } from './state';

export function decideRecommendation(command: RecommendationCommand, state: RecommendationState): Decision<RecommendationEvent> {
  const today = todayOf(command.meta);
  if (command.type === 'AdoptRecommendation') return decideAdopt(command, state, today);
  if (state.status === 'none') return recommendationError('recommendation.not-adopted', { recommendationId: command.data.recommendationId });
  switch (command.type) {
    case 'AmendRecommendation':
      return decideAmend(command, state, today);
    case 'HandOffRecommendation':
      return decideHandOff(command, state, today);
    case 'AcceptHandOff':
      return decideAccept(command, state, today);
    case 'DeclineHandOff':
      return decideDecline(command, state, today);
    case 'WithdrawHandOff':
      return decideWithdrawHandOff(command, state, today);
    case 'ReportImplementationStatus':
      return decideReportStatus(command, state, today);
    case 'DefineImpactIndicator':
      return decideDefineIndicator(command, state, today);
    case 'RecordImpactMeasurement':
      return decideRecordMeasurement(command, state, today);
    case 'ReviewSustainability':
      return decideReviewSustainability(command, state, today);
    case 'ReportOutcomeToConference':
      return decideReportOutcome(command, state, today);
    case 'WithdrawRecommendation':
      return decideWithdraw(command, state, today);
    case 'SupersedeRecommendation':
      return decideSupersede(command, state, today);
    case 'ReviseReportDueDate':
      return decideReviseDueDate(command, state, today);
    case 'VerifyImplementation':
      return decideVerify(command, state, today);
    case 'CorrectEntry':
      return decideCorrection(command, state, today);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
