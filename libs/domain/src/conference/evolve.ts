import type { ConferenceEvent } from './events';
import type { ConferenceState } from './state';

export function evolveConference(state: ConferenceState, event: ConferenceEvent): ConferenceState {
  switch (event.type) {
    case 'ConferenceScheduled': {
      const { conferenceId, regionId, number, kind, title, date } = event.data;
      return { status: 'scheduled', conferenceId, regionId, number, kind, title, date };
    }
    case 'ConferenceHeld':
      return state.status === 'unscheduled' ? state : { ...state, status: 'held', heldOn: event.data.heldOn };
    case 'ConferenceRescheduled':
      return state.status === 'unscheduled' ? state : { ...state, date: event.data.date };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
