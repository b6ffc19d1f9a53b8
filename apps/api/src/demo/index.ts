export { seedDemo, type DemoSeedOptions, type DemoSeedResult } from './demo-seeder';
export { seedDemoIfEmpty } from './seed-if-empty';
export { DEMO_REGION_ID, demoCommitteeId, demoConferenceId, demoRecommendationId } from './demo-ids';
