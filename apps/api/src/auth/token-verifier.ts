import { decodeJwt } from 'jose';
import type { Principal } from './principal';
import { LOCAL_ISSUER, type LocalTokenKey, verifyLocalToken } from './local-tokens';
import type { OidcVerifier } from './oidc-tokens';
import { TOKEN_MESSAGES, TokenError } from './token-error';

/**
 * Accepts local tokens and, if configured, the OIDC provider's. The unverified `iss` only picks
 * which verifier runs; each verifier then checks issuer, audience, algorithm and signature itself.
 */
export class TokenVerifier {
  constructor(
    private readonly local: LocalTokenKey,
    private readonly oidc: OidcVerifier | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Tokens already verified, until they expire: a signature check through WebCrypto cost about a
   * twentieth of the API's CPU per command (docs/command-path.md). The key is the whole token, so
   * only the very same signed bytes hit; what the token says cannot change before it expires.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  async verify(token: string): Promise<Principal> {
    const now = this.clock();
    const known = this.verified.get(token);
    if (known && now.getTime() < known.expiresAtMs) return known.principal;
    if (known) this.verified.delete(token);
    let claims: { iss?: unknown; exp?: unknown };
    try {
      claims = decodeJwt(token);
    } catch {
      throw new TokenError('auth.token-invalid', TOKEN_MESSAGES.invalid);
    }
    let principal: Principal;
    if (claims.iss === LOCAL_ISSUER) principal = await verifyLocalToken(this.local, token, now);
    else if (this.oidc && claims.iss === this.oidc.settings.issuer) principal = await this.oidc.verify(token, now);
    else throw new TokenError('auth.token-invalid', TOKEN_MESSAGES.invalid);
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= MAX_CACHED_TOKENS) this.verified.clear();
      this.verified.set(token, { principal, expiresAtMs: claims.exp * 1000 });
    }
    return principal;
  }
}

const MAX_CACHED_TOKENS = 10_000;
