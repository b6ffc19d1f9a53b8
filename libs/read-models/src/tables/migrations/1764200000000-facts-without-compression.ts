import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FACTS_TOAST_TUPLE_TARGET, READ_MODEL_SCHEMA } from '../schema';

/**
 * Facts documents stay uncompressed in their rows (a new database gets it from `readModelDdl`).
 * Rows already stored keep their form until they are written again (the projector or a rebuild).
 */
export class FactsWithoutCompression1764200000000 implements MigrationInterface {
  name = 'FactsWithoutCompression1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${READ_MODEL_SCHEMA}".recommendation_facts SET (toast_tuple_target = ${FACTS_TOAST_TUPLE_TARGET})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${READ_MODEL_SCHEMA}".recommendation_facts RESET (toast_tuple_target)`);
  }
}
