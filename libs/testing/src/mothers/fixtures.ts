import type { Actor, CommitteeId, CommandMeta } from '@app/domain';

/** Fixed ids and dates, so that a command mother's default and an event mother's default match. */
export const ID = {
  region: '0b6f3c1e-2a4d-4c7e-9f10-000000000001',
  otherRegion: '0b6f3c1e-2a4d-4c7e-9f10-000000000002',
  conference: 'c0f00000-0000-4000-8000-000000000009',
  laterConference: 'c0f00000-0000-4000-8000-000000000010',
  committee: 'c0aa0000-0000-4000-8000-00000000000a',
  otherCommittee: 'c0aa0000-0000-4000-8000-00000000000b',
  recommendation: 'e4f00000-0000-4000-8000-000000000003',
  successorRecommendation: 'e4f00000-0000-4000-8000-000000000004',
  indicator: 'uebergangsquote',
  officeUser: 'u-office',
  steeringUser: 'u-steering',
  committeeUser: 'u-committee',
  auditorUser: 'u-auditor',
} as const;

/** 12:00 in Berlin on 2026-11-23; TODAY is its Berlin calendar day. */
export const NOW = new Date('2026-11-23T11:00:00Z');
export const TODAY = '2026-11-23';
export const TOMORROW = '2026-11-24';

export const DAY = {
  contractSigned: '2009-08-24',
  conference: '2026-03-14',
  adopted: '2026-03-14',
  handOffDecided: '2026-04-02',
  reportDue: '2026-09-30',
  accepted: '2026-04-20',
  reported: '2026-06-15',
  indicatorDefined: '2026-05-10',
  baseline: '2025-12-31',
  targetDue: '2028-07-31',
  measured: '2026-10-01',
  reviewed: '2026-11-01',
  laterConference: '2026-11-20',
  withdrawn: '2026-07-01',
} as const;

export const anOffice = (overrides: Partial<Actor> = {}): Actor => ({ userId: ID.officeUser, role: 'office', committeeIds: [], ...overrides });
export const aSteeringMember = (overrides: Partial<Actor> = {}): Actor => ({ userId: ID.steeringUser, role: 'steering', committeeIds: [], ...overrides });
export const aCommitteeMember = (committeeIds: CommitteeId[] = [ID.committee], overrides: Partial<Actor> = {}): Actor => ({
  userId: ID.committeeUser,
  role: 'committee',
  committeeIds,
  ...overrides,
});
export const anAuditor = (overrides: Partial<Actor> = {}): Actor => ({ userId: ID.auditorUser, role: 'auditor', committeeIds: [], ...overrides });

export type CommandOptions = { actor?: Actor; now?: Date };
export const metaOf = (defaultActor: Actor, options: CommandOptions): CommandMeta => ({ now: options.now ?? NOW, actor: options.actor ?? defaultActor });
