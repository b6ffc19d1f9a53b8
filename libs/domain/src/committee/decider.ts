import type { Decider } from '../shared/decider';
import type { CommitteeCommand } from './commands';
import { decideCommittee } from './decide';
import type { CommitteeEvent } from './events';
import { evolveCommittee } from './evolve';
import { initialCommitteeState, type CommitteeState } from './state';

export const committeeDecider: Decider<CommitteeCommand, CommitteeEvent, CommitteeState> = {
  decide: decideCommittee,
  evolve: evolveCommittee,
  initialState: initialCommitteeState,
};
