import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** 32 random bytes, base64url: 43 characters nobody guesses. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The secret of each committee's feed; renewing replaces it, so the old address stops working at once. */
export class CalendarFeeds {
  constructor(private readonly pool: Pool) {}

  async renew(regionId: string, committeeId: string, by: string, now = new Date()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.pool.query(
      `INSERT INTO reminders.calendar_feeds (committee_id, region_id, token_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (committee_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at, created_by = excluded.created_by`,
      [committeeId, regionId, hashOf(token), now, by],
    );
    return token;
  }

  async committeeOf(token: string): Promise<{ committeeId: string; regionId: string } | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const { rows } = await this.pool.query<{ committee_id: string; region_id: string }>(
      `SELECT committee_id, region_id FROM reminders.calendar_feeds WHERE token_hash = $1`,
      [hashOf(token)],
    );
    return rows[0] ? { committeeId: rows[0].committee_id, regionId: rows[0].region_id } : undefined;
  }
}
