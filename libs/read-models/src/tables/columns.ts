import type { Queryable } from '../projector/queryable';

export interface TableColumn {
  name: string;
  /** Holds JSON (`json`/`jsonb`): its values are written as JSON documents. */
  json: boolean;
}

/**
 * A table's columns in their order, from the catalogue: writers follow the migrations without a
 * second list of names in code.
 */
export async function tableColumns(db: Queryable, schema: string, table: string): Promise<TableColumn[]> {
  const { rows } = await db.query<{ column_name: string; udt_name: string }>(
    `SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );
  if (rows.length === 0) throw new Error(`Read-model table ${schema}.${table} does not exist: run the migrations`);
  return rows.map((r) => ({ name: r.column_name, json: r.udt_name === 'json' || r.udt_name === 'jsonb' }));
}
