import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions: who follows what, the position in the event log up to which changes were handed
 * out, and the changes collected for tomorrow's digest. Plain tables beside the outbox: a
 * subscription is a person's wish, erasable, and changes nothing a replay must reproduce
 * (docs/reminders.md).
 */
export class CreateSubscriptions1765300000000 implements MigrationInterface {
  name = 'CreateSubscriptions1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reminders.subscriptions (
        subscription_id uuid        PRIMARY KEY,
        region_id       text        NOT NULL,
        user_id         text        NOT NULL,
        target_type     text        NOT NULL CHECK (target_type IN ('recommendation', 'committee', 'conference')),
        target_id       text        NOT NULL,
        mode            text        NOT NULL CHECK (mode IN ('change', 'daily')),
        created_at      timestamptz NOT NULL,
        UNIQUE (user_id, region_id, target_type, target_id)
      )`);
    // One row: the log position after the last event handed out. Locked by the one pass that follows the log.
    await runner.query(`CREATE TABLE reminders.subscription_cursor (name text PRIMARY KEY, position text)`);
    await runner.query(`INSERT INTO reminders.subscription_cursor (name, position) VALUES ('log', NULL)`);
    // A digest subscription's changes until its digest is planned; the event id makes collecting twice harmless.
    await runner.query(`
      CREATE TABLE reminders.subscription_changes (
        subscription_id uuid  NOT NULL REFERENCES reminders.subscriptions (subscription_id) ON DELETE CASCADE,
        event_id        text  NOT NULL,
        collected_on    date  NOT NULL,
        change          jsonb NOT NULL,
        PRIMARY KEY (subscription_id, event_id)
      )`);
    // Subscription mails go through the reminders' outbox; unsubscribing cancels what is still pending.
    await runner.query(`ALTER TABLE reminders.outbox ADD COLUMN subscription_id uuid, ADD COLUMN list_unsubscribe text`);
    await runner.query(`ALTER TABLE reminders.outbox DROP CONSTRAINT outbox_state_check`);
    await runner.query(`ALTER TABLE reminders.outbox ADD CONSTRAINT outbox_state_check CHECK (state IN ('pending', 'sent', 'cancelled'))`);
    await runner.query(`CREATE INDEX outbox_subscription ON reminders.outbox (subscription_id) WHERE subscription_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX reminders.outbox_subscription`);
    await runner.query(`DELETE FROM reminders.outbox WHERE state = 'cancelled'`);
    await runner.query(`ALTER TABLE reminders.outbox DROP CONSTRAINT outbox_state_check`);
    await runner.query(`ALTER TABLE reminders.outbox ADD CONSTRAINT outbox_state_check CHECK (state IN ('pending', 'sent'))`);
    await runner.query(`ALTER TABLE reminders.outbox DROP COLUMN subscription_id, DROP COLUMN list_unsubscribe`);
    await runner.query(`DROP TABLE reminders.subscription_changes, reminders.subscription_cursor, reminders.subscriptions`);
  }
}
