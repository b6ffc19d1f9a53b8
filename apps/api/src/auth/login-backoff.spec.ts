import { LOGIN_BACKOFF, LoginBackoff } from './login-backoff';

describe('LoginBackoff', () => {
  const t0 = 1_000_000;
  const fail = (b: LoginBackoff, times: number, at: number, address = '10.0.0.1', account = 'buero@beispiel.de') =>
    Array.from({ length: times }, () => b.failed(address, account, at));

  it('lets five failures pass, then waits 10 s, doubling with every further failure up to 15 minutes', () => {
    const b = new LoginBackoff();
    expect(fail(b, 5, t0)).toEqual([0, 0, 0, 0, 0]);
    expect(b.waitSeconds('10.0.0.1', 'buero@beispiel.de', t0)).toBe(0);
    let now = t0;
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const wait = b.failed('10.0.0.1', 'buero@beispiel.de', now);
      waits.push(wait);
      expect(b.waitSeconds('10.0.0.1', 'buero@beispiel.de', now + 1)).toBe(wait);
      expect(b.waitSeconds('10.0.0.1', 'buero@beispiel.de', now + wait * 1000 - 1)).toBe(1);
      now += wait * 1000;
      expect(b.waitSeconds('10.0.0.1', 'buero@beispiel.de', now)).toBe(0);
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 640, 900, 900, 900]);
  });

  it('keys by address and account together: another address, or another account, is not held back', () => {
    const b = new LoginBackoff();
    fail(b, 8, t0, '10.0.0.66');
    expect(b.waitSeconds('10.0.0.66', 'buero@beispiel.de', t0)).toBe(40);
    expect(b.waitSeconds('10.0.0.66', ' Buero@Beispiel.DE ', t0)).toBe(40);
    expect(b.waitSeconds('10.0.0.1', 'buero@beispiel.de', t0)).toBe(0);
    expect(b.waitSeconds('10.0.0.66', 'andere@beispiel.de', t0)).toBe(0);
  });

  it('forgets a pair after a success, and after a quiet hour', () => {
    const b = new LoginBackoff();
    fail(b, 6, t0);
    b.succeeded('10.0.0.1', 'buero@beispiel.de');
    expect(fail(b, 5, t0)).toEqual([0, 0, 0, 0, 0]);
    expect(b.failed('10.0.0.1', 'buero@beispiel.de', t0)).toBe(10);
    const quiet = t0 + 10_000 + LOGIN_BACKOFF.forgetAfterMs;
    expect(b.waitSeconds('10.0.0.1', 'buero@beispiel.de', quiet)).toBe(0);
    expect(b.failed('10.0.0.1', 'buero@beispiel.de', quiet)).toBe(0);
  });
});
