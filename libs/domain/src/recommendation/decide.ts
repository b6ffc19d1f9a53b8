import { todayOf } from '../shared/business-rules';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decision } from '../shared/domain-error';
import type { RecommendationCommand, RecommendationCommandType } from './commands';
import { CORRECTION_DECISIONS } from './decide-correction';
import { HAND_OFF_DECISIONS } from './decide-hand-off';
import { decideAdopt, LIFECYCLE_DECISIONS } from './decide-lifecycle';
import { REPORTING_DECISIONS } from './decide-reporting';
import { VERIFICATION_DECISIONS } from './decide-verification';
import { recommendationError } from './errors';
import type { RecommendationEvent } from './events';
import type { AdoptedRecommendation, RecommendationState } from './state';

type Decide<C> = (command: C, state: AdoptedRecommendation, today: CalendarDate) => Decision<RecommendationEvent>;
type CommandOf<T extends RecommendationCommandType> = Extract<RecommendationCommand, { type: T }>;

/**
 * Who decides each command on an adopted recommendation: the decide files' own tables, each next
 * to its functions, so a new command is added where it is decided; the compiler asks for every one.
 */
const DECISIONS: { [T in Exclude<RecommendationCommandType, 'AdoptRecommendation'>]: Decide<CommandOf<T>> } = {
  ...LIFECYCLE_DECISIONS,
  ...HAND_OFF_DECISIONS,
  ...REPORTING_DECISIONS,
  ...VERIFICATION_DECISIONS,
  ...CORRECTION_DECISIONS,
};

export function decideRecommendation(command: RecommendationCommand, state: RecommendationState): Decision<RecommendationEvent> {
  const today = todayOf(command.meta);
  if (command.type === 'AdoptRecommendation') return decideAdopt(command, state, today);
  if (state.status === 'none') return recommendationError('recommendation.not-adopted', { recommendationId: command.data.recommendationId });
  return (DECISIONS[command.type] as Decide<RecommendationCommand>)(command, state, today);
}
