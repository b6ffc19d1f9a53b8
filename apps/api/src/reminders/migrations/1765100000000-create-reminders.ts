import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders are operations, not domain facts: contact addresses are personal data that must be
 * erasable (the event log never forgets), and a sent mail changes no recommendation. So both live
 * in plain tables beside the read models, never in the event store (docs/reminders.md).
 */
export class CreateReminders1765100000000 implements MigrationInterface {
  name = 'CreateReminders1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS reminders`);
    await runner.query(`
      CREATE TABLE reminders.committee_contacts (
        committee_id  text        PRIMARY KEY,
        region_id     text        NOT NULL,
        contacts      jsonb       NOT NULL,
        updated_at    timestamptz NOT NULL,
        updated_by    text        NOT NULL
      )`);
    // One row per reminder: the deterministic message id is the key, so planning the same reminder twice writes it once.
    await runner.query(`
      CREATE TABLE reminders.outbox (
        message_id        text        PRIMARY KEY,
        region_id         text        NOT NULL,
        kind              text        NOT NULL,
        recommendation_id text,
        committee_id      text,
        due_on            date,
        planned_on        date        NOT NULL,
        recipients        text[]      NOT NULL,
        subject           text        NOT NULL,
        text_body         text        NOT NULL,
        html_body         text        NOT NULL,
        state             text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent')),
        attempts          integer     NOT NULL DEFAULT 0,
        next_attempt_at   timestamptz NOT NULL DEFAULT now(),
        last_error        text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        sent_at           timestamptz
      )`);
    await runner.query(`CREATE INDEX outbox_due ON reminders.outbox (next_attempt_at) WHERE state = 'pending'`);
    await runner.query(`CREATE INDEX outbox_recommendation ON reminders.outbox (recommendation_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA reminders CASCADE');
  }
}
