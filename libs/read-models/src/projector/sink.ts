import type { ClientBase } from 'pg';
import type { TimelineRow } from '../tables/entities';
import { readModelColumns, readModelKey, type ReadModelTable } from '../tables/schema';
import type { DirectoryChange } from './directory';
import type { FlushOutput } from './projection';
import { RECOMMENDATION_TABLES, rowsByTable } from './recommendation-rows';

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

  /** INSERT of many rows; `conflict` is the ON CONFLICT clause (or empty). */
  private async insert(db: ClientBase, table: ReadModelTable, rows: readonly Row[], conflict: (columns: string[]) => string): Promise<void> {
    if (rows.length === 0) return;
    const columns = readModelColumns(table).map((c) => c.name);
    const names = columns.map((c) => `"${c}"`).join(', ');
    for (let start = 0; start < rows.length; start += CHUNK) {
      // No replacer: it would be called for every value; rows carry bigints as strings already.
      const json = JSON.stringify(rows.slice(start, start + CHUNK));
      await db.query(
        `INSERT INTO ${this.table(table)} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${this.table(table)}, $1::json) ${conflict(columns)}`,
        [json],
      );
    }
  }

  /** Inserts the rows, or replaces those whose key is taken. */
  private upsert(db: ClientBase, table: ReadModelTable, rows: readonly Row[]): Promise<void> {
    const key = readModelKey(table);
    return this.insert(db, table, rows, (columns) => {
      const set = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = EXCLUDED."${c}"`);
      return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
    });
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

  /** Replaces every row of the flushed recommendations: their children are deleted and written anew. */
  async writeRecommendations(db: ClientBase, output: FlushOutput): Promise<void> {
    const { rows, empty } = output;
    if (rows.length === 0 && empty.length === 0) return;
    const ids = [...rows.map((r) => r.recommendation.recommendation_id), ...empty];
    for (const table of ['assignments', 'indicators', 'measurements', 'sustainability_reviews'] as const) {
      await db.query(`DELETE FROM ${this.table(table)} WHERE recommendation_id = ANY($1::text[])`, [ids]);
    }
    if (empty.length) {
      await db.query(`DELETE FROM ${this.table('recommendations')} WHERE recommendation_id = ANY($1::text[])`, [empty]);
      await db.query(`DELETE FROM ${this.table('recommendation_facts')} WHERE recommendation_id = ANY($1::text[])`, [empty]);
    }
    const byTable = rowsByTable(rows);
    for (const table of RECOMMENDATION_TABLES) {
      // One row per recommendation in these two: upserted; the children were deleted above.
      const keyed = table === 'recommendations' || table === 'recommendation_facts';
      if (keyed) await this.upsert(db, table, byTable[table]);
      else await this.insert(db, table, byTable[table], () => '');
    }
  }
}
