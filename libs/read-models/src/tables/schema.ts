/**
 * The read models' tables. They live in their own PostgreSQL schema so a rebuild can fill a shadow
 * schema and swap it in by renaming both schemas in one transaction (see rebuild/swap.ts).
 * Every row carries its region id; dates are business dates (`date`), instants are `timestamptz`.
 * Nothing here depends on the clock: what depends on "today" (overdue, stalled) is stored as the
 * dates a query compares with today (`current_due_on`, `last_event_on`).
 */
export const READ_MODEL_SCHEMA = 'read_model';

/** Table name → the column(s) its rows are ordered by for checksums and the rebuild comparison. */
export const READ_MODEL_TABLES = {
  projection_checkpoints: 'name',
  regions: 'region_id',
  conferences: 'conference_id',
  committees: 'committee_id',
  recommendations: 'recommendation_id',
  recommendation_facts: 'recommendation_id',
  assignments: 'recommendation_id, seq',
  indicators: 'recommendation_id, indicator_id',
  measurements: 'recommendation_id, indicator_id, seq',
  sustainability_reviews: 'recommendation_id, seq',
  timeline: 'position',
} as const;
export type ReadModelTable = keyof typeof READ_MODEL_TABLES;

/**
 * Facts documents average 1.8 kB, around PostgreSQL's 2 kB threshold for compressing a row: kept
 * whole in the row up to a page, they are written and read without pglz (a rebuild's COPY of
 * 68,970 facts: 2.0 s compressed, 1.3 s not) for about half as much space again (103 → 151 MB).
 */
export const FACTS_TOAST_TUPLE_TARGET = 8160;

/**
 * The DDL of every read-model table in `schema` (the live one or a rebuild's shadow). The tables a
 * rebuild fills in bulk get their keys by separate statements, so a rebuild can add them after the
 * load (one sorted build instead of a million index insertions). The migrations are frozen copies:
 * a change here needs a new migration (rebuild/shadow-schema.spec.ts compares the two).
 */
export function readModelDdl(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE ${s}.projection_checkpoints (
      name      text   PRIMARY KEY,
      -- exclusive checkpoint: the event store position of the last event applied; NULL before the first
      position  bigint,
      events    bigint NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE ${s}.regions (
      region_id          text PRIMARY KEY,
      name               text NOT NULL,
      contract_signed_on date NOT NULL
    )`,
    `CREATE TABLE ${s}.conferences (
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
    `CREATE INDEX conferences_region ON ${s}.conferences (region_id, date)`,
    `CREATE TABLE ${s}.committees (
      committee_id           text  PRIMARY KEY,
      region_id              text  NOT NULL,
      name                   text  NOT NULL,
      short_name             text  NOT NULL,
      kind                   text  NOT NULL,
      fields_of_action       jsonb NOT NULL,
      dissolved_on           date,
      successor_committee_id text
    )`,
    `CREATE INDEX committees_region ON ${s}.committees (region_id, name)`,
    `CREATE TABLE ${s}.recommendations (
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
    `ALTER TABLE ${s}.recommendations ADD PRIMARY KEY (recommendation_id)`,
    `CREATE INDEX recommendations_region_conference ON ${s}.recommendations (region_id, conference_id, reference)`,
    `CREATE INDEX recommendations_region_state ON ${s}.recommendations (region_id, lifecycle_state)`,
    `CREATE INDEX recommendations_region_year ON ${s}.recommendations (region_id, adopted_year)`,
    // the recommendation list: newest first
    `CREATE INDEX recommendations_region_adopted ON ${s}.recommendations (region_id, adopted_on DESC, reference)`,
    `CREATE TABLE ${s}.recommendation_facts (
      recommendation_id text    NOT NULL,
      region_id         text    NOT NULL,
      conference_id     text    NOT NULL,
      adopted_year      integer NOT NULL,
      -- recommendationFacts() of the whole known history (asOf 9999-12-31); figures re-evaluate with their asOf.
      -- json, not jsonb: only ever stored and read whole, and json is cheaper both ways
      facts             json    NOT NULL
    ) WITH (toast_tuple_target = ${FACTS_TOAST_TUPLE_TARGET})`,
    `ALTER TABLE ${s}.recommendation_facts ADD PRIMARY KEY (recommendation_id)`,
    `CREATE INDEX recommendation_facts_cohort ON ${s}.recommendation_facts (region_id, conference_id)`,
    `CREATE INDEX recommendation_facts_year ON ${s}.recommendation_facts (region_id, adopted_year)`,
    `CREATE TABLE ${s}.assignments (
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
    `ALTER TABLE ${s}.assignments ADD PRIMARY KEY (recommendation_id, seq)`,
    `CREATE INDEX assignments_committee ON ${s}.assignments (region_id, committee_id, state)`,
    `CREATE INDEX assignments_due ON ${s}.assignments (region_id, current_due_on) WHERE can_be_overdue`,
    `CREATE TABLE ${s}.indicators (
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
    `ALTER TABLE ${s}.indicators ADD PRIMARY KEY (recommendation_id, indicator_id)`,
    `CREATE INDEX indicators_region ON ${s}.indicators (region_id)`,
    `CREATE TABLE ${s}.measurements (
      recommendation_id text             NOT NULL,
      indicator_id      text             NOT NULL,
      -- order by measuredOn (ties: stream order)
      seq               integer          NOT NULL,
      region_id         text             NOT NULL,
      value             double precision NOT NULL,
      measured_on       date             NOT NULL
    )`,
    `ALTER TABLE ${s}.measurements ADD PRIMARY KEY (recommendation_id, indicator_id, seq)`,
    `CREATE TABLE ${s}.sustainability_reviews (
      recommendation_id text    NOT NULL,
      seq               integer NOT NULL,
      region_id         text    NOT NULL,
      reviewed_on       date    NOT NULL,
      outcome           text    NOT NULL,
      anchoring         jsonb   NOT NULL
    )`,
    `ALTER TABLE ${s}.sustainability_reviews ADD PRIMARY KEY (recommendation_id, seq)`,
    `CREATE INDEX sustainability_reviews_region ON ${s}.sustainability_reviews (region_id, outcome)`,
    `CREATE TABLE ${s}.timeline (
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
    `ALTER TABLE ${s}.timeline ADD PRIMARY KEY (event_id)`,
    // Stream order for the directory's streams; a recommendation's timeline uses timeline_recommendation.
    `CREATE INDEX timeline_stream ON ${s}.timeline (stream_id, revision) WHERE recommendation_id IS NULL`,
    `CREATE INDEX timeline_recommendation ON ${s}.timeline (recommendation_id, business_date) WHERE recommendation_id IS NOT NULL`,
    `CREATE INDEX timeline_corrects ON ${s}.timeline (corrects_event_id) WHERE corrects_event_id IS NOT NULL`,
    `CREATE INDEX timeline_region ON ${s}.timeline (region_id, recorded_at)`,
    ...documentStatistics(schema),
  ];
}

/**
 * The JSON documents, stored and read whole: no query filters or sorts on them, so statistics on
 * them would only cost every ANALYZE the sampling of thousands of documents.
 */
const DOCUMENT_COLUMNS: Partial<Record<ReadModelTable, string[]>> = {
  conferences: ['topics'],
  committees: ['fields_of_action'],
  recommendations: ['fields_of_action', 'addressees'],
  recommendation_facts: ['facts'],
  sustainability_reviews: ['anchoring'],
};

/** Statistics target 0 for the documents: ANALYZE, manual or automatic, leaves them out. */
export function documentStatistics(schema: string, target: 0 | -1 = 0): string[] {
  return Object.entries(DOCUMENT_COLUMNS).flatMap(([table, columns]) =>
    columns.map((column) => `ALTER TABLE "${schema}".${table} ALTER COLUMN ${column} SET STATISTICS ${target}`),
  );
}

export interface DdlStatement {
  sql: string;
  /**
   * `table`: CREATE SCHEMA or TABLE, or a column's settings; `key`: a primary key or unique constraint added to a table;
   * `index`: a secondary index; `loadIndex`: one a bulk load keeps up cheaply as rows arrive.
   */
  kind: 'table' | 'key' | 'index' | 'loadIndex';
  table: ReadModelTable | undefined;
}

/**
 * Timeline indexes whose entries arrive in order (per region, by record time) or seldom (the
 * partial ones): kept up during a rebuild's load they cost the server little while it waits for
 * rows anyway, where the others (random ids) are far cheaper built by sorting afterwards (measured
 * on 1,000,000 rows: 1.9 s more for the load against 1.4 s of building; docs/benchmarks.md).
 */
const LOAD_INDEXES = new Set(['timeline_region', 'timeline_stream', 'timeline_corrects']);

/** `readModelDdl` with each statement's kind and table, for a rebuild that orders them around its load. */
export function readModelDdlStatements(schema: string): DdlStatement[] {
  return readModelDdl(schema).map((sql) => {
    const table = /(?:TABLE|ON) "[^"]+"\.(\w+)/.exec(sql)?.[1] as ReadModelTable | undefined;
    const index = /^CREATE INDEX (\w+)/.exec(sql)?.[1];
    const key = sql.startsWith('ALTER TABLE') && !sql.includes(' ALTER COLUMN ');
    const kind = index ? (LOAD_INDEXES.has(index) ? 'loadIndex' : 'index') : key ? 'key' : 'table';
    return { sql, kind, table };
  });
}
