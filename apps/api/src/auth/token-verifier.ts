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

  async verify(token: string): Promise<Principal> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new TokenError('auth.token-invalid', TOKEN_MESSAGES.invalid);
    }
    if (issuer === LOCAL_ISSUER) return verifyLocalToken(this.local, token, this.clock());
    if (this.oidc && issuer === this.oidc.settings.issuer) return this.oidc.verify(token, this.clock());
    throw new TokenError('auth.token-invalid', TOKEN_MESSAGES.invalid);
  }
}
