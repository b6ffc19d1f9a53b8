import type { JWTPayload } from 'jose';
import { ROLES, type Role } from '@app/domain';
import type { Principal, TokenSource } from './principal';
import { TOKEN_MESSAGES, TokenError } from './token-error';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

/**
 * Reads role, regions and committees from a verified payload. Local tokens and the OIDC provider
 * use the same claim names: `role`, `regions`, `committees` (configure the provider's mappers so).
 */
export function principalFromClaims(payload: JWTPayload, source: TokenSource): Principal {
  const { sub, role, regions, committees = [] } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0) throw new TokenError('auth.token-claims', TOKEN_MESSAGES.claims);
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new TokenError('auth.token-claims', TOKEN_MESSAGES.claims);
  if (!isStringArray(regions) || regions.length === 0) throw new TokenError('auth.token-claims', TOKEN_MESSAGES.claims);
  if (!isStringArray(committees)) throw new TokenError('auth.token-claims', TOKEN_MESSAGES.claims);
  return {
    userId: sub,
    role: role as Role,
    regionIds: regions.map((r) => r.toLowerCase()),
    committeeIds: role === 'committee' ? committees.map((c) => c.toLowerCase()) : [],
    source,
  };
}
