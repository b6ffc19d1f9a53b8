import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One secret per committee feed; only its hash is kept, so a database dump does not open the feeds. */
export class CreateCalendarFeeds1765200000000 implements MigrationInterface {
  name = 'CreateCalendarFeeds1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reminders.calendar_feeds (
        committee_id  text        PRIMARY KEY,
        region_id     text        NOT NULL,
        token_hash    text        NOT NULL UNIQUE,
        created_at    timestamptz NOT NULL,
        created_by    text        NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reminders.calendar_feeds');
  }
}
