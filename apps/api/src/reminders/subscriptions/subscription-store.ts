import type { Pool } from 'pg';
import type { FollowMode, FollowTarget } from '@app/figures';

export interface SubscriptionRow {
  subscriptionId: string;
  regionId: string;
  userId: string;
  targetType: FollowTarget;
  targetId: string;
  mode: FollowMode;
  createdAt: Date;
}

const COLUMNS = `subscription_id, region_id, user_id, target_type, target_id, mode, created_at`;
type Raw = { subscription_id: string; region_id: string; user_id: string; target_type: FollowTarget; target_id: string; mode: FollowMode; created_at: Date };
const rowOf = (r: Raw): SubscriptionRow => ({
  subscriptionId: r.subscription_id, regionId: r.region_id, userId: r.user_id, targetType: r.target_type, targetId: r.target_id, mode: r.mode, createdAt: r.created_at,
});

/** Who follows what. One subscription per person and followed thing; following again changes the mode. */
export class SubscriptionStore {
  constructor(private readonly pool: Pool) {}

  /** Returns the subscription and whether it is new (an existing one keeps its id and start, only the mode changes). */
  async follow(s: Omit<SubscriptionRow, 'createdAt'>): Promise<{ row: SubscriptionRow; created: boolean }> {
    // The database's clock, as the events' record time: a subscription gets what was recorded after it.
    const { rows } = await this.pool.query<Raw & { created: boolean }>(
      `INSERT INTO reminders.subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
       ON CONFLICT (user_id, region_id, target_type, target_id) DO UPDATE SET mode = excluded.mode
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
      [s.subscriptionId, s.regionId, s.userId, s.targetType, s.targetId, s.mode],
    );
    return { row: rowOf(rows[0]!), created: rows[0]!.created };
  }

  async ofUser(regionId: string, userId: string): Promise<SubscriptionRow[]> {
    const { rows } = await this.pool.query<Raw>(`SELECT ${COLUMNS} FROM reminders.subscriptions WHERE region_id = $1 AND user_id = $2 ORDER BY created_at, subscription_id`, [regionId, userId]);
    return rows.map(rowOf);
  }

  async byId(subscriptionId: string): Promise<SubscriptionRow | undefined> {
    const { rows } = await this.pool.query<Raw>(`SELECT ${COLUMNS} FROM reminders.subscriptions WHERE subscription_id = $1`, [subscriptionId]);
    return rows[0] ? rowOf(rows[0]) : undefined;
  }

  /**
   * Ends a subscription: its mails not yet sent are cancelled (a mail the sender holds right now
   * is sent and recorded first; the update waits for it), its collected changes go with it.
   * False when there was none.
   */
  async end(subscriptionId: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE reminders.outbox SET state = 'cancelled' WHERE subscription_id = $1 AND state = 'pending'`, [subscriptionId]);
      const { rowCount } = await client.query(`DELETE FROM reminders.subscriptions WHERE subscription_id = $1`, [subscriptionId]);
      await client.query('COMMIT');
      return (rowCount ?? 0) > 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
