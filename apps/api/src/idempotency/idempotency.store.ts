import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommandAnswer } from '../command-pipeline/command-answer';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; answer: CommandAnswer }
  | { kind: 'other-request' }
  | { kind: 'in-progress' };

/**
 * A claim older than this is taken to be from a process that died mid-request and may be taken over;
 * the retry then finds its derived event ids in the stream if the first attempt got as far as writing.
 */
const ABANDONED_AFTER_SECONDS = 120;

/** The idempotency_keys table (migration in infrastructure/migrations). */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async claim(regionId: string, key: string, hash: string): Promise<Claim> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (region_id, key, request_hash, state) VALUES ($1, $2, $3, 'in-progress')
       ON CONFLICT (region_id, key) DO NOTHING RETURNING key`,
      [regionId, key, hash],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const rows: Array<{ request_hash: string; state: string; status: number; headers: Record<string, string>; body: CommandAnswer['body']; abandoned: boolean }> =
      await this.db.query(
        `SELECT request_hash, state, status, headers, body, created_at < now() - make_interval(secs => $3) AS abandoned
           FROM idempotency_keys WHERE region_id = $1 AND key = $2`,
        [regionId, key, ABANDONED_AFTER_SECONDS],
      );
    const row = rows[0];
    // Released between our insert and our select: try once more.
    if (!row) return this.claim(regionId, key, hash);
    if (row.request_hash !== hash) return { kind: 'other-request' };
    if (row.state === 'done') return { kind: 'replay', answer: { status: row.status, headers: row.headers, body: row.body } };
    if (row.abandoned) {
      const taken: unknown[] = await this.db.query(
        `UPDATE idempotency_keys SET created_at = now()
          WHERE region_id = $1 AND key = $2 AND state = 'in-progress' AND created_at < now() - make_interval(secs => $3) RETURNING key`,
        [regionId, key, ABANDONED_AFTER_SECONDS],
      );
      if (taken.length === 1) return { kind: 'claimed' };
    }
    return { kind: 'in-progress' };
  }

  async complete(regionId: string, key: string, answer: CommandAnswer): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'done', status = $3, headers = $4, body = $5 WHERE region_id = $1 AND key = $2`,
      [regionId, key, answer.status, JSON.stringify(answer.headers), JSON.stringify(answer.body)],
    );
  }

  /** The request failed and wrote nothing: the key is free for a corrected retry. */
  async release(regionId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE region_id = $1 AND key = $2 AND state = 'in-progress'`, [regionId, key]);
  }
}
