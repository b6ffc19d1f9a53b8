import type { DemoRecommendation } from '../types';
import { AFTER_NEUAUSRICHTUNG } from './after-neuausrichtung';
import { BEFORE_NEUAUSRICHTUNG } from './before-neuausrichtung';
import { NINTH_CONFERENCE } from './ninth-conference';

export const DEMO_RECOMMENDATIONS: readonly DemoRecommendation[] = [...BEFORE_NEUAUSRICHTUNG, ...AFTER_NEUAUSRICHTUNG, ...NINTH_CONFERENCE];
