import type { AdoptedRecommendation } from './state';

/** The ids every recommendation event carries. */
export const ids = (state: AdoptedRecommendation) => ({ recommendationId: state.recommendationId, regionId: state.regionId });
