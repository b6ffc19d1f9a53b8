import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentStatistics, READ_MODEL_SCHEMA } from '../schema';

/**
 * Statistics target 0 on the read models' JSON documents (a new database gets it from
 * `readModelDdl`). Before, the rebuild analysed every other column by name; an ANALYZE with a
 * column list leaves the table's count of changes since the last analysis as it was, so autovacuum
 * analysed every rebuilt table again, documents included, soon after each rebuild.
 */
export class DocumentsWithoutStatistics1764100000000 implements MigrationInterface {
  name = 'DocumentsWithoutStatistics1764100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of documentStatistics(READ_MODEL_SCHEMA)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of documentStatistics(READ_MODEL_SCHEMA, -1)) await q.query(sql);
  }
}
