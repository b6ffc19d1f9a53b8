import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from '../http/problem.exception';
import { AccountStates } from './account-states';
import { decideAccess } from './access-policy';
import type { AccessRule } from './access-rule';
import { ACCESS_RULE, PUBLIC_READ } from './access.decorators';
import { TOKEN_VERIFIER } from './auth.tokens';
import type { Principal } from './principal';
import { PublicViews } from './public-views';
import type { AuthenticatedRequest } from './request-context';
import { TOKEN_MESSAGES, TokenError } from './token-error';
import type { TokenVerifier } from './token-verifier';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function field(req: Request, name: string): string | undefined {
  const fromRoute = (req.params as Record<string, unknown> | undefined)?.[name];
  const fromBody = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)[name] : undefined;
  const value = fromRoute ?? fromBody;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A committee member's command that names no committee, or something that is no uuid, is a malformed
 * request (400, as for every other role), not a refusal: only a well-formed id of another committee is a 403.
 */
function refuseMalformedCommittee(req: Request, name: string): void {
  const fromRoute = (req.params as Record<string, unknown> | undefined)?.[name];
  const value = fromRoute ?? (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)[name] : undefined);
  if (typeof value === 'string' && UUID.test(value)) return;
  const message = value === undefined || value === null || value === '' ? 'Bitte ausfüllen.' : 'Muss eine UUID sein.';
  throw ProblemException.of(400, 'Die Eingabe ist ungültig; siehe `errors`.', { code: 'validation', errors: [{ field: name, message }] });
}

/**
 * Global guard: verifies the bearer token, then applies the endpoint's AccessRule, region scope
 * and committee scope. Sets `request.principal` and `request.actor`; denials are logged with the
 * user id, never with the token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Zugriff');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly publicViews: PublicViews,
    private readonly accounts: AccountStates,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const rule = this.ruleOf(context);
    if (rule?.kind === 'public') return true;

    const { principal, tokenError } = await this.authenticate(req);
    // What one account may see is no one else's: no cache (browser, proxy) keeps an answer to it.
    if (principal) context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');
    const regionId = field(req, 'regionId');
    const committeeId = rule?.committeeField ? field(req, rule.committeeField) : undefined;
    const anonymousPublicRead = !principal && !tokenError && rule?.publicRead === true && regionId !== undefined && UUID.test(regionId);
    const publicViews = anonymousPublicRead ? await this.publicViews.enabled(regionId) : false;

    const decision = decideAccess({ rule, principal, tokenError, regionId, committeeId, publicViews });
    const where = `${req.method} ${req.route?.path ?? req.path}`;
    if (!decision.allow) {
      if (decision.code === 'permission.committee' && rule?.kind === 'roles' && rule.committeeField) refuseMalformedCommittee(req, rule.committeeField);
      if (decision.code === 'permission.undeclared') this.logger.error(`Endpunkt ohne Berechtigungsregel: ${where}`);
      else if (principal) this.logger.warn(`Zugriff verweigert (${decision.code}): Benutzer ${principal.userId} (${principal.role}) ${where}`);
      else if (tokenError) this.logger.warn(`Token abgelehnt (${decision.code}): ${where}`);
      throw ProblemException.of(decision.status, decision.message, { code: decision.code });
    }
    req.principal = decision.principal;
    req.actor = decision.actor;
    return true;
  }

  private ruleOf(context: ExecutionContext): AccessRule | undefined {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    const publicRead = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_READ, targets) === true;
    return rule?.kind === 'roles' && publicRead ? { ...rule, publicRead } : rule;
  }

  private async authenticate(req: Request): Promise<{ principal?: Principal; tokenError?: TokenError }> {
    const header = req.headers.authorization;
    if (header === undefined) return {};
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return { tokenError: new TokenError('auth.token-invalid', 'Erwartet wird „Authorization: Bearer <Token>“.') };
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (e) {
      if (e instanceof TokenError) return { tokenError: e };
      throw e;
    }
    // A disabled account loses access at once, not when its token expires (OIDC accounts are the provider's).
    if (principal.source === 'local' && (await this.accounts.isDisabled(principal.userId))) {
      return { tokenError: new TokenError('auth.account-disabled', TOKEN_MESSAGES.disabled) };
    }
    return { principal };
  }
}
