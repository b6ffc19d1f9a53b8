import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool, 'query'>;

export interface OutboxEntry {
  messageId: string;
  regionId: string;
  /** `answer-upcoming`, `report-overdue`, … or `digest`. */
  kind: string;
  recommendationId?: string;
  committeeId?: string;
  dueOn?: string;
  plannedOn: string;
  recipients: string[];
  subject: string;
  text: string;
  html: string;
  /** Subscription mails: whose, and the one-click unsubscribe address (RFC 8058). */
  subscriptionId?: string;
  listUnsubscribe?: string;
}

export interface SentRecord {
  messageId: string;
  kind: string;
  committeeId: string | null;
  dueOn: string | null;
  recipients: string[];
  subject: string;
  state: 'pending' | 'sent' | 'cancelled';
  attempts: number;
  plannedOn: string;
  sentAt: string | null;
  lastError: string | null;
}

/** Sends one mail; throws when the SMTP server did not take it. */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

export interface OutgoingMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** RFC 8058: mail programs offer "abbestellen" and POST `List-Unsubscribe=One-Click` to the address, without a login. */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, … up to an hour, forever (nothing is dropped). */
export const backoffMinutes = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1));

/**
 * The reminders' outbox. Planning inserts by message id, so a reminder planned twice (two
 * processes, two passes) is one row. Sending claims one row at a time with FOR UPDATE SKIP LOCKED
 * and keeps the lock until the row is marked sent in the same transaction: a second process skips
 * it, and a process that dies after SMTP took the mail but before the commit leaves it pending, so
 * it is sent again with the same Message-ID (at least once at SMTP, exactly once recorded).
 */
export class Outbox {
  constructor(private readonly pool: Pool) {}

  /** Inserts what is new; returns how many rows were new. `db`: a transaction's client, to plan with other writes at once. */
  async enqueue(entries: readonly OutboxEntry[], now: Date = new Date(), db: Queryable = this.pool): Promise<number> {
    let added = 0;
    for (const e of entries) {
      const { rowCount } = await db.query(
        `INSERT INTO reminders.outbox (message_id, region_id, kind, recommendation_id, committee_id, due_on, planned_on, recipients, subject, text_body, html_body, next_attempt_at, subscription_id, list_unsubscribe)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (message_id) DO NOTHING`,
        [e.messageId, e.regionId, e.kind, e.recommendationId ?? null, e.committeeId ?? null, e.dueOn ?? null, e.plannedOn, e.recipients, e.subject, e.text, e.html, now, e.subscriptionId ?? null, e.listUnsubscribe ?? null],
      );
      added += rowCount ?? 0;
    }
    return added;
  }

  /**
   * Sends what is due at `now`, one row per transaction. After a failure the pass stops (the
   * server is likely down; the rest keep their turn) and the row waits `backoffMinutes`.
   */
  async sendDue(send: SendMail, now: Date = new Date()): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    for (;;) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const outcome = await this.sendOne(client, send, now);
        await client.query('COMMIT');
        if (outcome === 'none') return { sent, failed: 0 };
        if (outcome === 'failed') return { sent, failed: 1 };
        sent++;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
  }

  private async sendOne(client: PoolClient, send: SendMail, now: Date): Promise<'none' | 'sent' | 'failed'> {
    const { rows } = await client.query<{ message_id: string; recipients: string[]; subject: string; text_body: string; html_body: string; attempts: number; list_unsubscribe: string | null }>(
      `SELECT message_id, recipients, subject, text_body, html_body, attempts, list_unsubscribe FROM reminders.outbox
        WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, message_id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    const row = rows[0];
    if (!row) return 'none';
    try {
      await send({
        messageId: row.message_id, to: row.recipients, subject: row.subject, text: row.text_body, html: row.html_body,
        ...(row.list_unsubscribe ? { headers: unsubscribeHeaders(row.list_unsubscribe) } : {}),
      });
    } catch (error) {
      const attempts = row.attempts + 1;
      await client.query(
        `UPDATE reminders.outbox SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE message_id = $1`,
        [row.message_id, attempts, new Date(now.getTime() + backoffMinutes(attempts) * 60_000), String((error as Error).message ?? error).slice(0, 500)],
      );
      return 'failed';
    }
    await client.query(`UPDATE reminders.outbox SET state = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE message_id = $1`, [row.message_id, now]);
    return 'sent';
  }

  /**
   * What was planned and sent for one recommendation, newest first. `sent`: only what was handed
   * to SMTP (by `sent.by`, if given: the audit history's knownAt).
   */
  async ofRecommendation(regionId: string, recommendationId: string, sent?: { by?: Date }): Promise<SentRecord[]> {
    const { rows } = await this.pool.query(
      `SELECT message_id, kind, committee_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, recipients, subject, state, attempts,
              to_char(planned_on, 'YYYY-MM-DD') AS planned_on, sent_at, last_error
         FROM reminders.outbox WHERE region_id = $1 AND recommendation_id = $2 AND (NOT $3 OR (state = 'sent' AND ($4::timestamptz IS NULL OR sent_at <= $4)))
        ORDER BY created_at DESC, message_id`,
      [regionId, recommendationId, sent !== undefined, sent?.by ?? null],
    );
    return rows.map((r) => ({
      messageId: r.message_id, kind: r.kind, committeeId: r.committee_id, dueOn: r.due_on, recipients: r.recipients, subject: r.subject,
      state: r.state, attempts: r.attempts, plannedOn: r.planned_on, sentAt: r.sent_at ? (r.sent_at as Date).toISOString() : null, lastError: r.last_error,
    }));
  }
}
