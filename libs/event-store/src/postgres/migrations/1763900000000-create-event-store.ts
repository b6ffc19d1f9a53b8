import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log and the per-stream heads. `transaction_id` carries the writing transaction so readers
 * can stay below the oldest still-open transaction (see read-all.ts); `position` alone is not a safe
 * cursor because identity values are handed out before commit.
 */
export class CreateEventStore1763900000000 implements MigrationInterface {
  name = 'CreateEventStore1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await q.query(`
      CREATE TABLE event_store.events (
        position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
        event_id       uuid        NOT NULL UNIQUE,
        stream_id      text        NOT NULL,
        revision       bigint      NOT NULL CHECK (revision >= 0),
        type           text        NOT NULL,
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        recorded_at    timestamptz NOT NULL,
        hash           bytea       NOT NULL,
        UNIQUE (stream_id, revision)
      )`);
    // readAll/subscribe walk (transaction_id, position); prefix filters use the pattern index.
    await q.query(`CREATE INDEX events_global_order ON event_store.events (transaction_id, position)`);
    await q.query(`CREATE INDEX events_stream_prefix ON event_store.events (stream_id text_pattern_ops, transaction_id, position)`);
    await q.query(`
      CREATE TABLE event_store.streams (
        stream_id        text        PRIMARY KEY,
        revision         bigint      NOT NULL,
        head_hash        bytea       NOT NULL,
        last_recorded_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_store.events ist nur fortschreibbar: % ist verboten (event-store.append-only)', TG_OP
          USING ERRCODE = 'restrict_violation',
                HINT = 'Events are append-only; correct them with new events.';
      END $$`);
    // Statement level, so even an UPDATE or DELETE that matches no row is refused.
    await q.query(`
      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.events
        FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA event_store CASCADE`);
  }
}
