import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Principal } from './principal';
import { principalFromClaims } from './claims';
import { joseToTokenError } from './jose-errors';

/** Issuer and audience of the tokens this server signs itself; OIDC tokens carry their provider's. */
export const LOCAL_ISSUER = 'urn:empfehlungsradar';
export const LOCAL_AUDIENCE = 'urn:empfehlungsradar:api';

export interface LocalTokenKey {
  secret: Uint8Array;
  ttlSeconds: number;
}

export const keyFromSecret = (secret: string, ttlSeconds: number): LocalTokenKey => ({ secret: new TextEncoder().encode(secret), ttlSeconds });

/** A short-lived HS256 access token naming role, regions and committees of the account. */
export async function issueAccessToken(
  key: LocalTokenKey,
  who: Pick<Principal, 'userId' | 'role' | 'regionIds' | 'committeeIds'> & { name?: string },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + key.ttlSeconds;
  const token = await new SignJWT({
    role: who.role,
    regions: [...who.regionIds],
    committees: [...who.committeeIds],
    ...(who.name ? { name: who.name } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject(who.userId)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key.secret);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/** Verifies signature (HS256 only), issuer, audience and expiry; throws TokenError. */
export async function verifyLocalToken(key: LocalTokenKey, token: string, now: Date): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, key.secret, {
      algorithms: ['HS256'],
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      currentDate: now,
      requiredClaims: ['exp', 'sub'],
    });
    return principalFromClaims(payload, 'local');
  } catch (e) {
    throw joseToTokenError(e);
  }
}
