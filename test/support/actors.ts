import { randomUUID } from 'node:crypto';
import { signTestToken } from './auth';

/**
 * Bearer tokens for the e2e suites, as the login would issue them. Each names the regions this
 * test file set up so far (setUpRegion calls actInRegion), so `.set(actors.office())` works in
 * every region of the file and in none of another file. Cross-region checks mint their own tokens
 * with test/support/auth.ts.
 */
export type ActorHeaders = Record<string, string>;

const regions = new Set<string>();

/** Lets the test actors act in this region (called for every region a suite registers). */
export function actInRegion(regionId: string): void {
  regions.add(regionId.toLowerCase());
}

const header = (token: string): ActorHeaders => ({ Authorization: `Bearer ${token}` });
const regionIds = () => [...regions];

export const actors = {
  office: (): ActorHeaders => header(signTestToken('office', { userId: 'buero.test', regionIds: regionIds() })),
  steering: (): ActorHeaders => header(signTestToken('steering', { userId: 'lenkungskreis.test', regionIds: regionIds() })),
  auditor: (): ActorHeaders => header(signTestToken('auditor', { userId: 'pruefer.test', regionIds: regionIds() })),
  committee: (...committeeIds: string[]): ActorHeaders =>
    header(signTestToken('committee', { userId: 'gremium.test', regionIds: regionIds(), committeeIds })),
  /** The office acting for a committee: the API records `onBehalfOf` from the command's committee. */
  officeFor: (_committeeId: string): ActorHeaders => actors.office(),
};

export const newKey = () => `test-${randomUUID()}`;
