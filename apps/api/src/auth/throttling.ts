import { type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '@app/config';
import type { AuthenticatedRequest } from './request-context';

const LOGIN_ROUTE = 'empfehlungsradar:login-route';

/** Marks the login endpoint: it gets the strict per-address limit instead of the write limit. */
export const LoginThrottle = (): MethodDecorator => SetMetadata(LOGIN_ROUTE, true);

const isLogin = (context: ExecutionContext): boolean => Reflect.getMetadata(LOGIN_ROUTE, context.getHandler()) === true;
const isRead = (context: ExecutionContext): boolean => ['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest<{ method: string }>().method);

const MINUTE = 60_000;

/**
 * Two limits: login attempts per client address, and writes per user (per address before login).
 * Counters live in the process; several API processes each count on their own.
 */
export function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  return {
    errorMessage: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    throttlers: [
      {
        name: 'login',
        ttl: MINUTE,
        limit: config.RATE_LIMIT_LOGIN_PER_MINUTE,
        skipIf: (context) => !isLogin(context),
      },
      {
        name: 'writes',
        ttl: MINUTE,
        limit: config.RATE_LIMIT_WRITES_PER_MINUTE,
        skipIf: (context) => isLogin(context) || isRead(context),
        getTracker: (req) => (req as AuthenticatedRequest).principal?.userId ?? String(req.ip ?? 'unknown'),
      },
    ],
  };
}

/** Runs after the access guard (registered after it), so writes are counted per verified user. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {}
