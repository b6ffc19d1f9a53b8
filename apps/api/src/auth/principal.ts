import type { Actor, CommitteeId, RegionId, Role, UserId } from '@app/domain';

/** Where a verified token came from. */
export type TokenSource = 'local' | 'oidc';

/**
 * The verified identity behind a request: who, in which role, for which regions and committees.
 * Built only from a verified token, never from anything else the client sends.
 */
export interface Principal {
  userId: UserId;
  role: Role;
  regionIds: readonly RegionId[];
  /** Committees a `committee` member acts for; empty for the other roles. */
  committeeIds: readonly CommitteeId[];
  source: TokenSource;
}

/** The actor recorded in events. The office acting for a committee is recorded with `onBehalfOf`. */
export function actorOf(principal: Principal, onBehalfOf?: CommitteeId): Actor {
  return {
    userId: principal.userId,
    role: principal.role,
    committeeIds: principal.role === 'committee' ? [...principal.committeeIds] : [],
    ...(principal.role === 'office' && onBehalfOf !== undefined ? { onBehalfOf } : {}),
  };
}
