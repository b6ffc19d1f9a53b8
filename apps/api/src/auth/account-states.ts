import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AUTH_DATA_SOURCE } from './auth.tokens';

/**
 * How long a read account state counts. A disabled account's tokens are refused by every API
 * process at most this long after the account was disabled (at once by the process that disabled it).
 */
export const ACCOUNT_STATE_MAX_AGE_MS = 2_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the account behind a local token is disabled, read per request and remembered for
 * ACCOUNT_STATE_MAX_AGE_MS at most. The age counts from before the read, so a remembered state is
 * never older than that. A token naming no account (only a holder of the signing key can make one:
 * the login issues tokens for accounts only) is not refused here.
 */
@Injectable()
export class AccountStates {
  private readonly seen = new Map<string, { disabled: boolean; readAt: number }>();

  constructor(
    @Inject(AUTH_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly clock: () => number = Date.now,
  ) {}

  async isDisabled(userId: string): Promise<boolean> {
    if (!UUID.test(userId)) return false;
    const now = this.clock();
    const known = this.seen.get(userId);
    if (known && now - known.readAt < ACCOUNT_STATE_MAX_AGE_MS) return known.disabled;
    const rows: { disabled: boolean }[] = await this.dataSource.query(`SELECT disabled_at IS NOT NULL AS disabled FROM auth.accounts WHERE id = $1`, [userId]);
    const disabled = rows[0]?.disabled === true;
    if (this.seen.size > 10_000) this.sweep(now);
    this.seen.set(userId, { disabled, readAt: now });
    return disabled;
  }

  /** Called where this process changes an account, so it needs no waiting. */
  forget(userId: string): void {
    this.seen.delete(userId);
  }

  private sweep(now: number): void {
    for (const [id, state] of this.seen) if (now - state.readAt >= ACCOUNT_STATE_MAX_AGE_MS) this.seen.delete(id);
  }
}
