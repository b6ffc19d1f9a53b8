import { columnsOf, tableDdl, type DdlStatement, type TableColumn } from './define';
import { assignmentsTable } from './definitions/assignments';
import { committeesTable } from './definitions/committees';
import { conferencesTable } from './definitions/conferences';
import { indicatorsTable } from './definitions/indicators';
import { measurementsTable } from './definitions/measurements';
import { projectionCheckpointsTable } from './definitions/projection-checkpoints';
import { recommendationFactsTable } from './definitions/recommendation-facts';
import { recommendationsTable } from './definitions/recommendations';
import { regionsTable } from './definitions/regions';
import { sustainabilityReviewsTable } from './definitions/sustainability-reviews';
import { timelineTable } from './definitions/timeline';

export type { DdlStatement, TableColumn } from './define';
export { FACTS_TOAST_TUPLE_TARGET } from './definitions/recommendation-facts';

/**
 * The read models' tables. They live in their own PostgreSQL schema so a rebuild can fill a shadow
 * schema and swap it in by renaming both schemas in one transaction (see rebuild/swap.ts).
 * Every row carries its region id; dates are business dates (`date`), instants are `timestamptz`.
 * Nothing here depends on the clock: what depends on "today" (overdue, stalled) is stored as the
 * dates a query compares with today (`current_due_on`, `last_event_on`).
 */
export const READ_MODEL_SCHEMA = 'read_model';

/**
 * Every read-model table, each defined once (definitions/), in the order they are created. The
 * migrations are frozen copies of what these definitions produced when each was written: a change
 * here needs a new migration, and rebuild/shadow-schema.spec.ts fails until both agree.
 */
export const READ_MODEL_DEFINITIONS = [
  projectionCheckpointsTable,
  regionsTable,
  conferencesTable,
  committeesTable,
  recommendationsTable,
  recommendationFactsTable,
  assignmentsTable,
  indicatorsTable,
  measurementsTable,
  sustainabilityReviewsTable,
  timelineTable,
] as const;
export type ReadModelTable = (typeof READ_MODEL_DEFINITIONS)[number]['name'];

const definitionOf = new Map(READ_MODEL_DEFINITIONS.map((d) => [d.name as ReadModelTable, d]));

/** Table name → the column(s) its rows are ordered by for checksums and the rebuild comparison. */
export const READ_MODEL_TABLES = Object.fromEntries(READ_MODEL_DEFINITIONS.map((d) => [d.name, (d.order ?? d.primaryKey).join(', ')])) as Record<
  ReadModelTable,
  string
>;

const columnsByTable = new Map(READ_MODEL_DEFINITIONS.map((d) => [d.name as ReadModelTable, columnsOf(d)]));

/** A read-model table's columns in table order: what the writers name (COPY, INSERT … SELECT). */
export const readModelColumns = (table: ReadModelTable): readonly TableColumn[] => columnsByTable.get(table)!;

/** A read-model table's primary key columns. */
export const readModelKey = (table: ReadModelTable): readonly string[] => definitionOf.get(table)!.primaryKey;

/**
 * The DDL of every read-model table in `schema` (a rebuild's shadow), with each statement's kind
 * and table, for a rebuild that orders them around its load.
 */
export function readModelDdlStatements(schema: string): DdlStatement[] {
  return [{ sql: `CREATE SCHEMA IF NOT EXISTS "${schema}"`, kind: 'table', table: undefined }, ...READ_MODEL_DEFINITIONS.flatMap((d) => tableDdl(d, schema))];
}
