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

  it('limits logins per address whatever the account, and never an account for every address', () => {
    const guard = new RateLimitGuard(config);
    const login = (ip: string, email: string) => outcome(guard, Fixture.prototype.login, { method: 'POST', ip, body: { email } });
    expect(['a@x.de', 'b@x.de', 'c@x.de', 'd@x.de'].map((email) => login('10.0.0.1', email))).toEqual(['ok', 'ok', 'ok', 'rate-limit.login']);
    // The same account from four other addresses: an attacker elsewhere cannot lock the real user out.
    expect(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'].map((ip) => login(ip, 'Buero@Beispiel.de'))).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('counts writes per verified user and leaves reads alone', () => {
    const guard = new RateLimitGuard(config);
    const as = (userId: string, method = 'POST') => ({ method, ip: '10.0.0.9', principal: { userId } });
    expect([1, 2, 3].map(() => outcome(guard, Fixture.prototype.write, as('a')))).toEqual(['ok', 'ok', 'rate-limit.writes']);
    expect(outcome(guard, Fixture.prototype.write, as('b'))).toBe('ok');
    expect(outcome(guard, Fixture.prototype.write, as('a', 'GET'))).toBe('ok');
  });
});
