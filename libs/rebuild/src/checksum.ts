import type { Queryable } from '@app/read-models/projector/queryable';
import { READ_MODEL_TABLES, type ReadModelTable } from '@app/read-models/tables/schema';

export type ReadModelChecksums = Record<ReadModelTable, { rows: number; md5: string }>;

/** Per table: row count and the md5 of every row's text, in key order. Equal checksums: equal tables, row by row. */
export async function readModelChecksums(db: Queryable, schema: string): Promise<ReadModelChecksums> {
  const result = {} as ReadModelChecksums;
  for (const [table, key] of Object.entries(READ_MODEL_TABLES) as [ReadModelTable, string][]) {
    const order = key
      .split(',')
      .map((k) => `t.${k.trim()}`)
      .join(', ');
    const { rows } = await db.query<{ rows: string; md5: string | null }>(
      `SELECT count(*)::text AS rows, md5(string_agg(md5(t::text), '' ORDER BY ${order})) AS md5 FROM "${schema}"."${table}" t`,
    );
    result[table] = { rows: Number(rows[0].rows), md5: rows[0].md5 ?? '' };
  }
  return result;
}
