import type { ExecutionContext } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { FixedWindowCounter, LoginThrottle, RateLimitGuard } from './throttling';

describe('FixedWindowCounter', () => {
  it('allows `limit` hits per key and minute, then asks to wait until the window ends', () => {
    const c = new FixedWindowCounter();
    const t0 = 1_000_000;
    expect([1, 2, 3].map((i) => c.hit('a', 3, t0 + i).allowed)).toEqual([true, true, true]);
    expect(c.hit('a', 3, t0 + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 41 });
    expect(c.hit('b', 3, t0 + 20_000).allowed).toBe(true);
    expect(c.hit('a', 3, t0 + 60_001).allowed).toBe(true);
  });
});

describe('RateLimitGuard', () => {
  class Fixture {
    @LoginThrottle()
    login() {}
    write() {}
  }
  const config = { RATE_LIMIT_LOGIN_PER_MINUTE: 3, RATE_LIMIT_WRITES_PER_MINUTE: 2 } as AppConfig;
  const context = (handler: () => void, req: object): ExecutionContext =>
    ({
      getType: () => 'http',
      getHandler: () => handler,
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => ({ setHeader: () => undefined }) }),
    }) as unknown as ExecutionContext;
  const outcome = (guard: RateLimitGuard, handler: () => void, req: object) => {
    try {
      return guard.canActivate(context(handler, req)) ? 'ok' : 'no';
    } catch (e) {
      return String((e as { problem?: { code?: string } }).problem?.code);
    }
  };

  it('limits logins per account name even when they come from many addresses', () => {
    const guard = new RateLimitGuard(config);
    const attempts = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip) =>
      outcome(guard, Fixture.prototype.login, { method: 'POST', ip, body: { email: 'Buero@Beispiel.de' } }),
    );
    expect(attempts).toEqual(['ok', 'ok', 'ok', 'rate-limit.login']);
    expect(outcome(guard, Fixture.prototype.login, { method: 'POST', ip: '10.0.0.5', body: { email: 'andere@beispiel.de' } })).toBe('ok');
  });

  it('counts writes per verified user and leaves reads alone', () => {
    const guard = new RateLimitGuard(config);
    const as = (userId: string, method = 'POST') => ({ method, ip: '10.0.0.9', principal: { userId } });
    expect([1, 2, 3].map(() => outcome(guard, Fixture.prototype.write, as('a')))).toEqual(['ok', 'ok', 'rate-limit.writes']);
    expect(outcome(guard, Fixture.prototype.write, as('b'))).toBe('ok');
    expect(outcome(guard, Fixture.prototype.write, as('a', 'GET'))).toBe('ok');
  });
});
