import type { Decider } from '../shared/decider';
import type { ConferenceCommand } from './commands';
import { decideConference } from './decide';
import type { ConferenceEvent } from './events';
import { evolveConference } from './evolve';
import { initialConferenceState, type ConferenceState } from './state';

export const conferenceDecider: Decider<ConferenceCommand, ConferenceEvent, ConferenceState> = {
  decide: decideConference,
  evolve: evolveConference,
  initialState: initialConferenceState,
};
