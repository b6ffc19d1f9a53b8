import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per (region, Idempotency-Key): the request's hash and, once done, the answer to replay.
 * The primary key makes claiming a key atomic, so a concurrent duplicate cannot slip through.
 */
export class CreateIdempotencyKeys1763950000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1763950000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_keys (
        region_id     text        NOT NULL,
        key           text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_hash  text        NOT NULL,
        state         text        NOT NULL CHECK (state IN ('in-progress', 'done')),
        status        integer,
        headers       jsonb,
        body          jsonb,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
  }
}
