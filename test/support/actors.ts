import { randomUUID } from 'node:crypto';

/**
 * TEMPORARY actor headers (see apps/api/src/actor/actor.resolver.ts); when real authentication
 * lands, only this helper changes for the e2e suites.
 */
export type ActorHeaders = Record<string, string>;

export const actors = {
  office: (): ActorHeaders => ({ 'X-Actor-Id': 'buero.test', 'X-Actor-Role': 'office' }),
  steering: (): ActorHeaders => ({ 'X-Actor-Id': 'lenkungskreis.test', 'X-Actor-Role': 'steering' }),
  auditor: (): ActorHeaders => ({ 'X-Actor-Id': 'pruefer.test', 'X-Actor-Role': 'auditor' }),
  committee: (...committeeIds: string[]): ActorHeaders => ({
    'X-Actor-Id': 'gremium.test',
    'X-Actor-Role': 'committee',
    'X-Actor-Committees': committeeIds.join(','),
  }),
  officeFor: (committeeId: string): ActorHeaders => ({ ...actors.office(), 'X-On-Behalf-Of': committeeId }),
};

export const newKey = () => `test-${randomUUID()}`;
