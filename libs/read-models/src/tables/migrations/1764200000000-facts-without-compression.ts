import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts documents stay uncompressed in their rows (a new database gets it from the first
 * migration). Rows already stored keep their form until they are written again (the projector or a
 * rebuild). Written out in full: it never changes what it does.
 */
export class FactsWithoutCompression1764200000000 implements MigrationInterface {
  name = 'FactsWithoutCompression1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "read_model".recommendation_facts SET (toast_tuple_target = 8160)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "read_model".recommendation_facts RESET (toast_tuple_target)`);
  }
}
