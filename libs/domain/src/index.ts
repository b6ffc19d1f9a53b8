export * from './shared';
export * from './region';
export * from './conference';
export * from './committee';
export * from './recommendation';

import type { CommitteeCommand } from './committee/commands';
import type { ConferenceCommand } from './conference/commands';
import type { RecommendationCommand } from './recommendation/commands';
import type { RegionCommand } from './region/commands';
export type DomainCommand = RegionCommand | ConferenceCommand | CommitteeCommand | RecommendationCommand;
