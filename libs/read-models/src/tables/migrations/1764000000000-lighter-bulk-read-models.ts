import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Brings a read model created before these changes to what the first migration creates today (a
 * new database already has them): the facts as json (stored and read whole only), no unique
 * position in the timeline (the event id is its key), and stream order indexed for the directory's
 * streams only. Written out in full: it never changes what it does.
 */
export class LighterBulkReadModels1764000000000 implements MigrationInterface {
  name = 'LighterBulkReadModels1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "read_model".recommendation_facts ALTER COLUMN facts TYPE json USING facts::json`);
    await q.query(`ALTER TABLE "read_model".timeline DROP CONSTRAINT IF EXISTS timeline_position_key`);
    await q.query(`DROP INDEX IF EXISTS "read_model".timeline_stream`);
    await q.query(`CREATE INDEX timeline_stream ON "read_model".timeline (stream_id, revision) WHERE recommendation_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "read_model".timeline_stream`);
    await q.query(`CREATE INDEX timeline_stream ON "read_model".timeline (stream_id, revision)`);
    await q.query(`ALTER TABLE "read_model".timeline ADD UNIQUE (position)`);
    await q.query(`ALTER TABLE "read_model".recommendation_facts ALTER COLUMN facts TYPE jsonb USING facts::jsonb`);
  }
}
