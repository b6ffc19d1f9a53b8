import type { CommitteeEvent } from './events';
import type { CommitteeState } from './state';

export function evolveCommittee(state: CommitteeState, event: CommitteeEvent): CommitteeState {
  switch (event.type) {
    case 'CommitteeRegistered': {
      const { committeeId, regionId, name, shortName, kind, effectiveOn } = event.data;
      return { status: 'active', committeeId, regionId, name, shortName, kind, registeredOn: effectiveOn };
    }
    case 'CommitteeRenamed':
      return state.status === 'unregistered' ? state : { ...state, name: event.data.name, shortName: event.data.shortName };
    case 'CommitteeDissolved': {
      if (state.status === 'unregistered') return state;
      const { dissolvedOn, successorCommitteeId } = event.data;
      return { ...state, status: 'dissolved', dissolvedOn, ...(successorCommitteeId === undefined ? {} : { successorCommitteeId }) };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
