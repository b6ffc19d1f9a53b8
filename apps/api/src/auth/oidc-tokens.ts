import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './principal';
import { principalFromClaims } from './claims';
import { joseToTokenError } from './jose-errors';

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Unset: the jwks_uri of the issuer's discovery document. */
  jwksUrl?: string;
}

/** Only asymmetric algorithms: an HS256 token "signed" with the provider's public key must never pass. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

async function discoverJwksUrl(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
  const { jwks_uri } = (await response.json()) as { jwks_uri?: unknown };
  if (typeof jwks_uri !== 'string') throw new Error('OIDC discovery document has no jwks_uri');
  return jwks_uri;
}

/** Verifies tokens of the external provider against its JWKS (fetched on first use, cached and refreshed by jose). */
export class OidcVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(readonly settings: OidcSettings) {}

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= (this.settings.jwksUrl ? Promise.resolve(this.settings.jwksUrl) : discoverJwksUrl(this.settings.issuer)).then((url) =>
      createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 }),
    );
    // A failed discovery is retried on the next token rather than remembered forever.
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  async verify(token: string, now: Date): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        algorithms: ALGORITHMS,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        currentDate: now,
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload, 'oidc');
    } catch (e) {
      throw joseToTokenError(e);
    }
  }
}
