import { checkBusinessDate, firstProblem, todayOf } from '../shared/business-rules';
import type { Decision } from '../shared/domain-error';
import type { CommitteeCommand } from './commands';
import { committeeError } from './errors';
import type { CommitteeEvent } from './events';
import type { CommitteeState } from './state';

export function decideCommittee(command: CommitteeCommand, state: CommitteeState): Decision<CommitteeEvent> {
  const today = todayOf(command.meta);
  switch (command.type) {
    case 'RegisterCommittee': {
      const { effectiveOn = today, ...data } = command.data;
      if (state.status !== 'unregistered') return committeeError('committee.already-registered', { committeeId: data.committeeId });
      const problem = checkBusinessDate('effectiveOn', effectiveOn, today);
      if (problem) return problem;
      return [{ type: 'CommitteeRegistered', data: { ...data, effectiveOn } }];
    }
    case 'RenameCommittee': {
      const { committeeId, name, shortName, effectiveOn = today } = command.data;
      if (state.status === 'unregistered') return committeeError('committee.not-registered', { committeeId });
      if (state.status === 'dissolved') return committeeError('committee.dissolved', { committeeId, dissolvedOn: state.dissolvedOn });
      const problem = firstProblem(
        () => (name === state.name && shortName === state.shortName ? committeeError('committee.name-unchanged', { name, shortName }) : undefined),
        () => checkBusinessDate('effectiveOn', effectiveOn, today),
      );
      if (problem) return problem;
      return [{ type: 'CommitteeRenamed', data: { committeeId, regionId: state.regionId, name, shortName, effectiveOn } }];
    }
    case 'DissolveCommittee': {
      const { committeeId, dissolvedOn, successorCommitteeId } = command.data;
      if (state.status === 'unregistered') return committeeError('committee.not-registered', { committeeId });
      if (state.status === 'dissolved') return committeeError('committee.dissolved', { committeeId, dissolvedOn: state.dissolvedOn });
      const successor = command.context?.successor;
      const problem = firstProblem(
        () => checkBusinessDate('dissolvedOn', dissolvedOn, today),
        () =>
          dissolvedOn < state.registeredOn
            ? committeeError('committee.dissolved-before-registration', { dissolvedOn, registeredOn: state.registeredOn })
            : undefined,
        () => {
          if (successorCommitteeId === undefined) return undefined;
          if (successorCommitteeId === committeeId) return committeeError('committee.successor-self');
          if (!successor || successor.regionId !== state.regionId) return committeeError('committee.successor-unknown', { successorCommitteeId });
          if (successor.dissolved) return committeeError('committee.successor-dissolved', { successorCommitteeId });
          return undefined;
        },
      );
      if (problem) return problem;
      return [
        {
          type: 'CommitteeDissolved',
          data: { committeeId, regionId: state.regionId, dissolvedOn, ...(successorCommitteeId === undefined ? {} : { successorCommitteeId }) },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
