import type { Decider } from '../shared/decider';
import type { RegionCommand } from './commands';
import { decideRegion } from './decide';
import type { RegionEvent } from './events';
import { evolveRegion } from './evolve';
import { initialRegionState, type RegionState } from './state';

export const regionDecider: Decider<RegionCommand, RegionEvent, RegionState> = {
  decide: decideRegion,
  evolve: evolveRegion,
  initialState: initialRegionState,
};
