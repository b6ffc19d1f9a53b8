import { checkBusinessDate, todayOf } from '../shared/business-rules';
import type { Decision } from '../shared/domain-error';
import type { RegionCommand } from './commands';
import { regionError } from './errors';
import type { RegionEvent } from './events';
import type { RegionState } from './state';

export function decideRegion(command: RegionCommand, state: RegionState): Decision<RegionEvent> {
  switch (command.type) {
    case 'RegisterRegion': {
      const { regionId, name, contractSignedOn } = command.data;
      if (state.status === 'registered') return regionError('region.already-registered', { regionId });
      if (name.trim() === '') return regionError('region.name-required');
      const problem = checkBusinessDate('contractSignedOn', contractSignedOn, todayOf(command.meta));
      if (problem) return problem;
      return [{ type: 'RegionRegistered', data: { regionId, name, contractSignedOn } }];
    }
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}
