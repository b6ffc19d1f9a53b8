/**
 * Failed logins per client address and account name together. Keyed by the pair, so failures from
 * one address never lock the account for another address (no one can lock a real user out from
 * elsewhere); each pair gets a few free failures, then waits that double with every further
 * failure up to a cap. A success forgets the pair; so does a quiet hour.
 */
export const LOGIN_BACKOFF = {
  freeFailures: 5,
  firstWaitSeconds: 10,
  maxWaitSeconds: 900,
  forgetAfterMs: 60 * 60_000,
} as const;

type Pair = { failures: number; lastFailureAt: number; lockedUntil: number };

export class LoginBackoff {
  private readonly pairs = new Map<string, Pair>();

  constructor(private readonly settings: typeof LOGIN_BACKOFF = LOGIN_BACKOFF) {}

  /** Seconds this pair must still wait before its next attempt counts; 0 when it may try now. */
  waitSeconds(address: string, account: string, now: number): number {
    const pair = this.current(keyOf(address, account), now);
    return pair && pair.lockedUntil > now ? Math.ceil((pair.lockedUntil - now) / 1000) : 0;
  }

  /** Records a failure; answers the wait it imposes (0 while failures are still free). */
  failed(address: string, account: string, now: number): number {
    const key = keyOf(address, account);
    if (this.pairs.size > 50_000) this.sweep(now);
    const failures = (this.current(key, now)?.failures ?? 0) + 1;
    const over = failures - this.settings.freeFailures;
    const wait = over <= 0 ? 0 : Math.min(this.settings.firstWaitSeconds * 2 ** (over - 1), this.settings.maxWaitSeconds);
    this.pairs.set(key, { failures, lastFailureAt: now, lockedUntil: now + wait * 1000 });
    return wait;
  }

  succeeded(address: string, account: string): void {
    this.pairs.delete(keyOf(address, account));
  }

  private current(key: string, now: number): Pair | undefined {
    const pair = this.pairs.get(key);
    if (pair && now - Math.max(pair.lastFailureAt, pair.lockedUntil) >= this.settings.forgetAfterMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return pair;
  }

  private sweep(now: number): void {
    for (const [key, pair] of this.pairs) if (now - Math.max(pair.lastFailureAt, pair.lockedUntil) >= this.settings.forgetAfterMs) this.pairs.delete(key);
  }
}

const keyOf = (address: string, account: string) => `${address}\u0000${account.trim().toLowerCase()}`;
