import { newAggregateId, uuidV5 } from '../command-pipeline/derived-ids';
import { DEMO_REGION } from './scenario/region';

/** Namespace of the demo's name-based uuids: the same scenario gives the same ids in every database. */
const DEMO_NAMESPACE = '3b2f8c1e-9a4d-5e6f-8a7b-1c2d3e4f5a6b';

export const DEMO_REGION_ID = uuidV5(`region/${DEMO_REGION.name}`, DEMO_NAMESPACE);

/** Idempotency keys of the demo's commands; event ids follow from them (derived-ids.ts). */
export const demoKey = {
  region: () => 'demo:region',
  committee: (key: string) => `demo:committee:${key}`,
  conference: (key: string, what: 'schedule' | 'reschedule' | 'hold') => `demo:conference:${key}:${what}`,
  adoption: (key: string) => `demo:recommendation:${key}:adopt`,
  step: (key: string, index: number, what: string) => `demo:recommendation:${key}:${index}:${what}`,
} as const;

export const demoCommitteeId = (key: string) => newAggregateId(DEMO_REGION_ID, demoKey.committee(key), 'committee');
export const demoConferenceId = (key: string) => newAggregateId(DEMO_REGION_ID, demoKey.conference(key, 'schedule'), 'conference');
export const demoRecommendationId = (key: string) => newAggregateId(DEMO_REGION_ID, demoKey.adoption(key), 'recommendation');
export const demoIndicatorId = (recommendation: string, indicator: string) =>
  uuidV5(`indicator/${recommendation}/${indicator}`, DEMO_NAMESPACE);
