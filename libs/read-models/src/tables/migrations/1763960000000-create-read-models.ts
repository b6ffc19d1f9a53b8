import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the read-model schema as it stands at this migration, written out in full: a migration
 * never changes what it creates. Later changes to the tables are new migrations; the rebuild
 * builds its shadow schema from the tables' current definitions, and rebuild/shadow-schema.spec.ts
 * holds the migrations and the definitions to the same result.
 */
export class CreateReadModels1763960000000 implements MigrationInterface {
  name = 'CreateReadModels1763960000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of STATEMENTS) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA IF EXISTS "read_model" CASCADE`);
  }
}

const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS "read_model"`,
  `CREATE TABLE "read_model".projection_checkpoints (
    name      text   PRIMARY KEY,
    -- exclusive checkpoint: the event store position of the last event applied; NULL before the first
    position  bigint,
    events    bigint NOT NULL DEFAULT 0
  )`,
  `CREATE TABLE "read_model".regions (
    region_id          text PRIMARY KEY,
    name               text NOT NULL,
    contract_signed_on date NOT NULL
  )`,
  `CREATE TABLE "read_model".conferences (
    conference_id text    PRIMARY KEY,
    region_id     text    NOT NULL,
    number        integer NOT NULL,
    kind          text    NOT NULL,
    -- for display: "9. Bildungskonferenz"
    label         text    NOT NULL,
    title         text    NOT NULL,
    motto         text,
    date          date    NOT NULL,
    held_on       date,
    topics        jsonb   NOT NULL
  )`,
  `CREATE INDEX conferences_region ON "read_model".conferences (region_id, date)`,
  `CREATE TABLE "read_model".committees (
    committee_id           text  PRIMARY KEY,
    region_id              text  NOT NULL,
    name                   text  NOT NULL,
    short_name             text  NOT NULL,
    kind                   text  NOT NULL,
    fields_of_action       jsonb NOT NULL,
    dissolved_on           date,
    successor_committee_id text
  )`,
  `CREATE INDEX committees_region ON "read_model".committees (region_id, name)`,
  `CREATE TABLE "read_model".recommendations (
    recommendation_id        text    NOT NULL,
    region_id                text    NOT NULL,
    conference_id            text    NOT NULL,
    reference                text    NOT NULL,
    title                    text    NOT NULL,
    text                     text    NOT NULL,
    fields_of_action         jsonb   NOT NULL,
    addressees               jsonb   NOT NULL,
    adopted_on               date    NOT NULL,
    adopted_year             integer NOT NULL,
    -- lifecycleOf(facts); "stalled" is open state AND last_event_on more than 180 days before today
    lifecycle_state          text    NOT NULL,
    implemented_on           date,
    partially_implemented_on date,
    not_implemented_on       date,
    withdrawn_on             date,
    superseded_on            date,
    successor_id             text,
    last_event_on            date    NOT NULL,
    hand_offs                integer NOT NULL,
    assignments_pending      integer NOT NULL,
    assignments_accepted     integer NOT NULL,
    assignments_declined     integer NOT NULL,
    assignments_withdrawn    integer NOT NULL,
    -- earliest current due date among assignments that can be overdue: overdue = next_due_on < today
    next_due_on              date,
    indicators               integer NOT NULL,
    latest_review_outcome    text,
    latest_reviewed_on       date,
    outcome_reported         boolean NOT NULL,
    revision                 bigint  NOT NULL,
    position                 bigint  NOT NULL
  )`,
  `ALTER TABLE "read_model".recommendations ADD PRIMARY KEY (recommendation_id)`,
  `CREATE INDEX recommendations_region_conference ON "read_model".recommendations (region_id, conference_id, reference)`,
  `CREATE INDEX recommendations_region_state ON "read_model".recommendations (region_id, lifecycle_state)`,
  `CREATE INDEX recommendations_region_year ON "read_model".recommendations (region_id, adopted_year)`,
  `CREATE INDEX recommendations_region_adopted ON "read_model".recommendations (region_id, adopted_on DESC, reference)`,
  `CREATE TABLE "read_model".recommendation_facts (
    recommendation_id text    NOT NULL,
    region_id         text    NOT NULL,
    conference_id     text    NOT NULL,
    adopted_year      integer NOT NULL,
    -- recommendationFacts() of the whole known history (asOf 9999-12-31); figures re-evaluate with their asOf.
    -- json, not jsonb: only ever stored and read whole, and json is cheaper both ways
    facts             json    NOT NULL
  ) WITH (toast_tuple_target = 8160)`,
  `ALTER TABLE "read_model".recommendation_facts ADD PRIMARY KEY (recommendation_id)`,
  `CREATE INDEX recommendation_facts_cohort ON "read_model".recommendation_facts (region_id, conference_id)`,
  `CREATE INDEX recommendation_facts_year ON "read_model".recommendation_facts (region_id, adopted_year)`,
  `CREATE TABLE "read_model".assignments (
    recommendation_id         text    NOT NULL,
    -- order of the hand-off within its recommendation
    seq                       integer NOT NULL,
    region_id                 text    NOT NULL,
    committee_id              text    NOT NULL,
    state                     text    NOT NULL,
    decided_on                date    NOT NULL,
    report_due_on             date    NOT NULL,
    answered_on               date,
    withdrawn_on              date,
    withdrawn_while_pending   boolean NOT NULL,
    current_due_on            date,
    -- active and without a final report: overdue = can_be_overdue AND current_due_on < today
    can_be_overdue            boolean NOT NULL,
    last_status               text,
    last_reported_on          date,
    reports                   integer NOT NULL
  )`,
  `ALTER TABLE "read_model".assignments ADD PRIMARY KEY (recommendation_id, seq)`,
  `CREATE INDEX assignments_committee ON "read_model".assignments (region_id, committee_id, state)`,
  `CREATE INDEX assignments_due ON "read_model".assignments (region_id, current_due_on) WHERE can_be_overdue`,
  `CREATE TABLE "read_model".indicators (
    recommendation_id  text             NOT NULL,
    indicator_id       text             NOT NULL,
    region_id          text             NOT NULL,
    committee_id       text             NOT NULL,
    name               text             NOT NULL,
    unit               text             NOT NULL,
    direction          text             NOT NULL,
    baseline_value     double precision NOT NULL,
    baseline_on        date             NOT NULL,
    target_value       double precision NOT NULL,
    target_due_on      date             NOT NULL,
    latest_value       double precision,
    latest_measured_on date,
    measurements       integer          NOT NULL
  )`,
  `ALTER TABLE "read_model".indicators ADD PRIMARY KEY (recommendation_id, indicator_id)`,
  `CREATE INDEX indicators_region ON "read_model".indicators (region_id)`,
  `CREATE TABLE "read_model".measurements (
    recommendation_id text             NOT NULL,
    indicator_id      text             NOT NULL,
    -- order by measuredOn (ties: stream order)
    seq               integer          NOT NULL,
    region_id         text             NOT NULL,
    value             double precision NOT NULL,
    measured_on       date             NOT NULL
  )`,
  `ALTER TABLE "read_model".measurements ADD PRIMARY KEY (recommendation_id, indicator_id, seq)`,
  `CREATE TABLE "read_model".sustainability_reviews (
    recommendation_id text    NOT NULL,
    seq               integer NOT NULL,
    region_id         text    NOT NULL,
    reviewed_on       date    NOT NULL,
    outcome           text    NOT NULL,
    anchoring         jsonb   NOT NULL
  )`,
  `ALTER TABLE "read_model".sustainability_reviews ADD PRIMARY KEY (recommendation_id, seq)`,
  `CREATE INDEX sustainability_reviews_region ON "read_model".sustainability_reviews (region_id, outcome)`,
  `CREATE TABLE "read_model".timeline (
    event_id          text        NOT NULL,
    position          bigint      NOT NULL,
    region_id         text        NOT NULL,
    stream_id         text        NOT NULL,
    revision          bigint      NOT NULL,
    recommendation_id text,
    event_type        text        NOT NULL,
    business_date     date        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    actor_user_id     text,
    actor_role        text,
    on_behalf_of      text,
    sentence          text        NOT NULL,
    -- set on an EntryCorrected row: the event it corrects (shown beside it)
    corrects_event_id text
  )`,
  `ALTER TABLE "read_model".timeline ADD PRIMARY KEY (event_id)`,
  `CREATE INDEX timeline_stream ON "read_model".timeline (stream_id, revision) WHERE recommendation_id IS NULL`,
  `CREATE INDEX timeline_recommendation ON "read_model".timeline (recommendation_id, business_date) WHERE recommendation_id IS NOT NULL`,
  `CREATE INDEX timeline_corrects ON "read_model".timeline (corrects_event_id) WHERE corrects_event_id IS NOT NULL`,
  `CREATE INDEX timeline_region ON "read_model".timeline (region_id, recorded_at)`,
  `ALTER TABLE "read_model".conferences ALTER COLUMN topics SET STATISTICS 0`,
  `ALTER TABLE "read_model".committees ALTER COLUMN fields_of_action SET STATISTICS 0`,
  `ALTER TABLE "read_model".recommendations ALTER COLUMN fields_of_action SET STATISTICS 0`,
  `ALTER TABLE "read_model".recommendations ALTER COLUMN addressees SET STATISTICS 0`,
  `ALTER TABLE "read_model".recommendation_facts ALTER COLUMN facts SET STATISTICS 0`,
  `ALTER TABLE "read_model".sustainability_reviews ALTER COLUMN anchoring SET STATISTICS 0`,
];
