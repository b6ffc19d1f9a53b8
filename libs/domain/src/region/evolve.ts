import type { RegionEvent } from './events';
import type { RegionState } from './state';

export function evolveRegion(state: RegionState, event: RegionEvent): RegionState {
  switch (event.type) {
    case 'RegionRegistered':
      return { status: 'registered', ...event.data };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
