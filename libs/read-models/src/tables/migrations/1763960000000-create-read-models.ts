import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA, readModelDdl } from '../schema';

/**
 * Creates the read-model schema. The rebuild builds its shadow schema from the same `readModelDdl`,
 * so a later migration that changes a table must change `readModelDdl` with it.
 */
export class CreateReadModels1763960000000 implements MigrationInterface {
  name = 'CreateReadModels1763960000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of readModelDdl(READ_MODEL_SCHEMA)) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA IF EXISTS "${READ_MODEL_SCHEMA}" CASCADE`);
  }
}
