import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Local accounts and per-region access settings, in their own schema apart from events and read models. */
export class CreateAuth1763910000000 implements MigrationInterface {
  name = 'CreateAuth1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS auth`);
    await q.query(`
      CREATE TABLE auth.accounts (
        id            uuid        PRIMARY KEY,
        email         text        NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name  text        NOT NULL,
        password_hash text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        role          text        NOT NULL CHECK (role IN ('office', 'steering', 'committee', 'auditor')),
        region_ids    uuid[]      NOT NULL CHECK (cardinality(region_ids) > 0),
        committee_ids uuid[]      NOT NULL DEFAULT '{}',
        demo          boolean     NOT NULL DEFAULT false,
        disabled_at   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (role = 'committee' OR cardinality(committee_ids) = 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_email ON auth.accounts (email)`);
    await q.query(`
      CREATE TABLE auth.region_settings (
        region_id    uuid        PRIMARY KEY,
        public_views boolean     NOT NULL DEFAULT false,
        updated_at   timestamptz NOT NULL,
        updated_by   text        NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA auth CASCADE`);
  }
}
