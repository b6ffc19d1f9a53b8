import { createHmac, randomUUID } from 'node:crypto';
import type { Role } from '@app/domain';
import { issueAccessToken, keyFromSecret, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../apps/api/src/auth/local-tokens';

/** The signing key every test app gets (startTestApp passes it as JWT_SECRET). */
export const TEST_JWT_SECRET = 'test-secret-only-for-jest-runs-0123456789abcdef';

export interface TokenRequest {
  regionIds: readonly string[];
  committeeIds?: readonly string[];
  userId?: string;
  /** Seconds; negative gives an already expired token. */
  ttlSeconds?: number;
  now?: Date;
}

/** A local access token as the login would issue it, without an account in the database. */
export async function tokenFor(role: Role, r: TokenRequest): Promise<string> {
  const ttl = r.ttlSeconds ?? 900;
  const now = r.now ?? new Date();
  // issueAccessToken counts from `now`; an expired token is one issued long enough ago.
  const issuedAt = ttl > 0 ? now : new Date(now.getTime() + (ttl - 60) * 1000);
  const { token } = await issueAccessToken(
    keyFromSecret(TEST_JWT_SECRET, Math.abs(ttl) || 60),
    { userId: r.userId ?? `${role}-${randomUUID().slice(0, 8)}`, role, regionIds: r.regionIds, committeeIds: r.committeeIds ?? [] },
    issuedAt,
  );
  return token;
}

/** `Authorization` header for supertest's `.set(...)`. */
export async function bearer(role: Role, r: TokenRequest): Promise<{ Authorization: string }> {
  return { Authorization: `Bearer ${await tokenFor(role, r)}` };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The same HS256 token, signed synchronously with node:crypto, for helpers that build headers
 * inline (`.set(actors.office())`); tokens.spec.ts proves jose accepts what this produces.
 */
export function signTestToken(role: Role, r: { regionIds: readonly string[]; committeeIds?: readonly string[]; userId: string }): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'HS256', typ: 'JWT' });
  const payload = b64({
    role,
    regions: [...r.regionIds],
    committees: [...(r.committeeIds ?? [])],
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    sub: r.userId,
    jti: randomUUID(),
    iat: now,
    exp: now + 900,
  });
  const signature = createHmac('sha256', TEST_JWT_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
