import { FixedWindowCounter } from './throttling';

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
