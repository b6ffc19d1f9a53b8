import type { ClientBase } from 'pg';
import type { TimelineRow } from '../tables/entities';
import { readModelColumns, readModelKey, type ReadModelTable } from '../tables/schema';
import type { DirectoryChange } from './directory';
import type { FlushOutput } from './projection';
import { RECOMMENDATION_TABLES, rowsByTable, type RecommendationTable } from './recommendation-rows';

type Row = object;
/** Rows per statement: large enough to amortise the round trip, small enough to keep messages modest. */
const CHUNK = 5000;

/**
 * Writes projection output with plain SQL: each batch of rows goes to the server as one JSON
 * document that `json_populate_recordset` turns into rows of the table's own type, so a batch of
 * thousands of rows is one round trip, the serialising is the engine's JSON.stringify, and the
 * parsing happens on the server. `json`, not `jsonb`: a json column then keeps the exact text
 * JSON.stringify wrote, as the rebuild's COPY does. Column names and keys come from the tables'
 * definitions (tables/definitions), without a second list here.
 */
export class ReadModelSink {
  constructor(readonly schema: string) {}

  private table(name: ReadModelTable): string {
    return `"${this.schema}"."${name}"`;
  }

  /** `INSERT … SELECT` of the rows in the JSON parameter `$n`; `conflict` is the ON CONFLICT clause (or empty). */
  private insertStatement(table: ReadModelTable, parameter: number, conflict: (columns: string[]) => string): string {
    const columns = readModelColumns(table).map((c) => c.name);
    const names = columns.map((c) => `"${c}"`).join(', ');
    return `INSERT INTO ${this.table(table)} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${this.table(table)}, $${parameter}::json) ${conflict(columns)}`;
  }

  /** INSERT of many rows; `conflict` is the ON CONFLICT clause (or empty). */
  private async insert(db: ClientBase, table: ReadModelTable, rows: readonly Row[], conflict: (columns: string[]) => string): Promise<void> {
    if (rows.length === 0) return;
    const statement = this.insertStatement(table, 1, conflict);
    for (let start = 0; start < rows.length; start += CHUNK) {
      // No replacer: it would be called for every value; rows carry bigints as strings already.
      await db.query(statement, [JSON.stringify(rows.slice(start, start + CHUNK))]);
    }
  }

  /** ON CONFLICT … DO UPDATE of every column but the key. */
  private static replacing(table: ReadModelTable): (columns: string[]) => string {
    const key = readModelKey(table);
    return (columns) => {
      const set = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = EXCLUDED."${c}"`);
      return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
    };
  }

  /** Inserts the rows, or replaces those whose key is taken. */
  private upsert(db: ClientBase, table: ReadModelTable, rows: readonly Row[]): Promise<void> {
    return this.insert(db, table, rows, ReadModelSink.replacing(table));
  }

  /** One row per event; a redelivered event finds its row and changes nothing. */
  writeTimeline(db: ClientBase, rows: readonly TimelineRow[]): Promise<void> {
    return this.insert(db, 'timeline', rows, () => `ON CONFLICT (${readModelKey('timeline').join(', ')}) DO NOTHING`);
  }

  async writeDirectory(db: ClientBase, changes: readonly DirectoryChange[]): Promise<void> {
    const of = <T extends DirectoryChange['table']>(table: T) => changes.filter((c) => c.table === table).map((c) => c.row);
    await this.upsert(db, 'regions', of('regions'));
    await this.upsert(db, 'conferences', of('conferences'));
    await this.upsert(db, 'committees', of('committees'));
  }

  /**
   * Replaces every row of the flushed recommendations: their children are deleted and written anew.
   * Two statements for a live batch, whatever it touched: the deletes as data-modifying CTEs of one
   * statement, then the rows of all six tables likewise (separate tables, so no CTE sees another's
   * rows; the second statement sees the first's deletes). Each statement was a round trip of its own,
   * and the inline projector's batches shared the API's event loop and connection count with commands.
   */
  async writeRecommendations(db: ClientBase, output: FlushOutput): Promise<void> {
    const { rows, empty } = output;
    if (rows.length === 0 && empty.length === 0) return;
    const ids = [...rows.map((r) => r.recommendation.recommendation_id), ...empty];
    const deletes: { table: RecommendationTable; parameter: number }[] = CHILD_TABLES.map((table) => ({ table, parameter: 1 }));
    if (empty.length) deletes.push({ table: 'recommendations', parameter: 2 }, { table: 'recommendation_facts', parameter: 2 });
    const deleteSql = deletes.map(({ table, parameter }) => `DELETE FROM ${this.table(table)} WHERE recommendation_id = ANY($${parameter}::text[])`);
    await db.query(chained(deleteSql), empty.length ? [ids, empty] : [ids]);

    const byTable = rowsByTable(rows);
    const tables = RECOMMENDATION_TABLES.filter((table) => byTable[table].length > 0);
    // One row per recommendation in these two: upserted; the children were deleted above.
    const conflictOf = (table: RecommendationTable) => (table === 'recommendations' || table === 'recommendation_facts' ? ReadModelSink.replacing(table) : () => '');
    if (tables.some((table) => byTable[table].length > CHUNK)) {
      // A batch larger than a message should carry: table by table, in chunks.
      for (const table of tables) await this.insert(db, table, byTable[table], conflictOf(table));
      return;
    }
    if (tables.length === 0) return;
    // No replacer: it would be called for every value; rows carry bigints as strings already.
    await db.query(
      chained(tables.map((table, i) => this.insertStatement(table, i + 1, conflictOf(table)))),
      tables.map((table) => JSON.stringify(byTable[table])),
    );
  }
}

/** The recommendations' child tables: rows keyed by more than the recommendation. */
const CHILD_TABLES = ['assignments', 'indicators', 'measurements', 'sustainability_reviews'] as const satisfies readonly RecommendationTable[];

/** Data-modifying statements as one: all but the last as CTEs (PostgreSQL runs each exactly once). */
function chained(statements: readonly string[]): string {
  const last = statements.at(-1)!;
  if (statements.length === 1) return last;
  return `WITH ${statements.slice(0, -1).map((sql, i) => `w${i} AS (${sql})`).join(', ')} ${last}`;
}
