import type { Decider } from '../shared/decider';
import type { RecommendationCommand } from './commands';
import { decideRecommendation } from './decide';
import type { RecommendationEvent } from './events';
import { evolveRecommendation } from './evolve';
import { initialRecommendationState, type RecommendationState } from './state';

export const recommendationDecider: Decider<RecommendationCommand, RecommendationEvent, RecommendationState> = {
  decide: decideRecommendation,
  evolve: evolveRecommendation,
  initialState: initialRecommendationState,
};
