import { CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@app/config';
import { ProblemException } from '../http/problem.exception';
import { APP_CONFIG } from '../infrastructure/tokens';
import type { AuthenticatedRequest } from './request-context';

const LOGIN_ROUTE = 'empfehlungsradar:login-route';

/** Marks the login endpoint: it gets the strict per-address limit instead of the write limit. */
export const LoginThrottle = (): MethodDecorator => SetMetadata(LOGIN_ROUTE, true);

const WINDOW_MS = 60_000;

/** The client's address as the socket shows it (no proxy header is trusted). */
export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unbekannt';

/** Fixed one-minute windows per key; pure apart from the clock it is given. */
export class FixedWindowCounter {
  private windows = new Map<string, { start: number; count: number }>();

  /** Counts one hit; answers how many seconds to wait if the limit is exceeded. */
  hit(key: string, limit: number, now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    if (this.windows.size > 50_000) this.sweep(now);
    const w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      this.windows.set(key, { start: now, count: 1 });
      return { allowed: true };
    }
    w.count += 1;
    if (w.count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) };
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/**
 * Login attempts per client address (whatever the account; failures per address and account are
 * LoginService's back-off, login-backoff.ts), and writes per user (per address without login). Runs after
 * the access guard, so writes are counted per verified user. Counters live in this process.
 * (@nestjs/throttler is CommonJS requiring the ES-module-only @nestjs/common 12, which jest's ESM
 * mode cannot load, so the two limits are counted here.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly counter = new FixedWindowCounter();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const login = Reflect.getMetadata(LOGIN_ROUTE, context.getHandler()) === true;
    const read = ['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (!login && read) return true;
    const address = clientAddress(req);
    const now = Date.now();
    const outcome = login ? this.counter.hit(`login:${address}`, this.config.RATE_LIMIT_LOGIN_PER_MINUTE, now) : this.counter.hit(
      `write:${req.principal ? `user:${req.principal.userId}` : `ip:${address}`}`,
      this.config.RATE_LIMIT_WRITES_PER_MINUTE,
      now,
    );
    if (outcome.allowed) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(outcome.retryAfterSeconds));
    throw ProblemException.of(429, 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.', {
      code: login ? 'rate-limit.login' : 'rate-limit.writes',
    });
  }
}
