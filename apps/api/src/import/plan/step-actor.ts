import type { Actor } from '@app/domain';
import { systemActor } from '../../command-pipeline/system-request';
import type { StepActor } from './import-step';

/**
 * The actor a step is issued as. The office records what it may record itself; the steering
 * group's decisions the list documents (hand-offs, withdrawals) are recorded as
 * `system:import:<account>` in the steering role, so the history shows both that the Lenkungskreis
 * decided and that an import by that account wrote it; committee acts as the office on the
 * committee's behalf, as when the office reports for a committee.
 */
export function actorForStep(step: StepActor, importer: Actor): Actor {
  switch (step.as) {
    case 'office':
      return importer;
    case 'steering':
      // A system importer (the command line) is already named as such.
      return importer.userId.startsWith('system:') ? { ...importer, role: 'steering' } : systemActor('steering', [], `import:${importer.userId}`);
    case 'committee':
      return { ...importer, onBehalfOf: step.committeeId };
    default: {
      const _exhaustive: never = step;
      return _exhaustive;
    }
  }
}
