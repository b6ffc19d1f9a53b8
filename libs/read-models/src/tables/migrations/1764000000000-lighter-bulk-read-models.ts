import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/**
 * Brings a read model created before these changes to today's `readModelDdl` (a new database
 * already has them): the facts as json (stored and read whole only), no unique position in the
 * timeline (the event id is its key), and stream order indexed for the directory's streams only.
 */
export class LighterBulkReadModels1764000000000 implements MigrationInterface {
  name = 'LighterBulkReadModels1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${READ_MODEL_SCHEMA}"`;
    await q.query(`ALTER TABLE ${s}.recommendation_facts ALTER COLUMN facts TYPE json USING facts::json`);
    await q.query(`ALTER TABLE ${s}.timeline DROP CONSTRAINT IF EXISTS timeline_position_key`);
    await q.query(`DROP INDEX IF EXISTS ${s}.timeline_stream`);
    await q.query(`CREATE INDEX timeline_stream ON ${s}.timeline (stream_id, revision) WHERE recommendation_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${READ_MODEL_SCHEMA}"`;
    await q.query(`DROP INDEX IF EXISTS ${s}.timeline_stream`);
    await q.query(`CREATE INDEX timeline_stream ON ${s}.timeline (stream_id, revision)`);
    await q.query(`ALTER TABLE ${s}.timeline ADD UNIQUE (position)`);
    await q.query(`ALTER TABLE ${s}.recommendation_facts ALTER COLUMN facts TYPE jsonb USING facts::jsonb`);
  }
}
