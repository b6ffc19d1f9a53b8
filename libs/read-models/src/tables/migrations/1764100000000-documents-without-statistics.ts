import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics target 0 on the read models' JSON documents (a new database gets it from the first
 * migration). Before, the rebuild analysed every other column by name; an ANALYZE with a column
 * list leaves the table's count of changes since the last analysis as it was, so autovacuum
 * analysed every rebuilt table again, documents included, soon after each rebuild. Written out in
 * full: it never changes what it does.
 */
export class DocumentsWithoutStatistics1764100000000 implements MigrationInterface {
  name = 'DocumentsWithoutStatistics1764100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of DOCUMENTS) await q.query(`ALTER TABLE "read_model".${table} ALTER COLUMN ${column} SET STATISTICS 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of DOCUMENTS) await q.query(`ALTER TABLE "read_model".${table} ALTER COLUMN ${column} SET STATISTICS -1`);
  }
}

const DOCUMENTS = [
  ['conferences', 'topics'],
  ['committees', 'fields_of_action'],
  ['recommendations', 'fields_of_action'],
  ['recommendations', 'addressees'],
  ['recommendation_facts', 'facts'],
  ['sustainability_reviews', 'anchoring'],
] as const;
