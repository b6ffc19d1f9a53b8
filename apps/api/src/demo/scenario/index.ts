export * from './types';
export { DEMO_REGION, DEMO_NOTE } from './region';
export { FOA } from './fields-of-action';
export { DEMO_COMMITTEES, DEMO_MEMBER_COMMITTEES } from './committees';
export { DEMO_CONFERENCES } from './conferences';
export { DEMO_RECOMMENDATIONS } from './recommendations';
