import type { Actor } from '@app/domain';
import { systemActor } from '../command-pipeline/system-request';
import { demoCommitteeId } from './demo-ids';

/**
 * Who issues the demo's commands, as in real use: the office registers and records, the steering
 * group hands off and reviews, committee members answer and report (or the office on their behalf).
 * Their user ids say "system:demo-…", so the history shows that nobody real acted.
 */
export const demoActors = {
  office: (): Actor => systemActor('office', [], 'demo-bildungsbuero'),
  officeFor: (committee: string): Actor => ({ ...systemActor('office', [], 'demo-bildungsbuero'), onBehalfOf: demoCommitteeId(committee) }),
  steering: (): Actor => systemActor('steering', [], 'demo-lenkungskreis'),
  member: (committee: string): Actor => systemActor('committee', [demoCommitteeId(committee)], `demo-gremium-${committee}`),
} as const;
