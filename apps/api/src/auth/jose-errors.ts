import { errors } from 'jose';
import { TOKEN_MESSAGES, TokenError } from './token-error';

export function joseToTokenError(e: unknown): TokenError {
  if (e instanceof TokenError) return e;
  if (e instanceof errors.JWTExpired) return new TokenError('auth.token-expired', TOKEN_MESSAGES.expired);
  return new TokenError('auth.token-invalid', TOKEN_MESSAGES.invalid);
}
