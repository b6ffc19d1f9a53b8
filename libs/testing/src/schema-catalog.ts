/** Anything with pg's `query`: a Pool, a Client. */
interface Queryable {
  query<R extends object>(sql: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** One table as the catalogue describes it, each property a line a failed comparison shows on its own. */
export interface TableShape {
  /** Kind, persistence, storage parameters (`reloptions`) and privileges by role. */
  table: string;
  /** Logical position, name, type, NOT NULL, default, statistics target, storage, compression, collation. */
  columns: string[];
  /** Index definitions as the server prints them, without the schema's name. */
  indexes: string[];
  /** Constraints by name and definition. */
  constraints: string[];
}

export interface SchemaShape {
  /** Who may use the schema. */
  privileges: string;
  tables: Record<string, TableShape>;
}

/** An ACL as `role=PRIVILEGE` items in a fixed order, whatever order the grants came in. */
const privileges = (acl: string) =>
  `(SELECT coalesce(string_agg(CASE WHEN p.grantee = 0 THEN 'PUBLIC' ELSE p.grantee::regrole::text END || '=' || p.privilege_type, ',' ORDER BY 1), '-') FROM aclexplode(${acl}) p)`;

/**
 * What a schema and its tables are, read from pg_catalog: two schemas with equal shapes hold the
 * same columns in the same order with the same types, keys, indexes, storage settings and
 * privileges, whatever statements made them. The schema's own name is left out so a shadow
 * compares with its original.
 */
export async function schemaShape(db: Queryable, schema: string): Promise<SchemaShape> {
  const strip = (text: string) => text.replaceAll(`${schema}.`, '').replaceAll(`"${schema}".`, '');
  const namespace = await db.query<{ privileges: string }>(`SELECT ${privileges('nspacl')} AS privileges FROM pg_namespace WHERE nspname = $1`, [schema]);
  const tables = await db.query<{ name: string; kind: string; persistence: string; options: string[] | null; privileges: string }>(
    `SELECT c.relname AS name, c.relkind AS kind, c.relpersistence AS persistence, c.reloptions AS options, ${privileges('c.relacl')} AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind NOT IN ('i', 'I')
      ORDER BY c.relname`,
    [schema],
  );
  const columns = await db.query<{ table: string; line: string }>(
    `SELECT c.relname AS table,
            concat_ws(' ', row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum), a.attname, format_type(a.atttypid, a.atttypmod),
                      CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END,
                      'default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-'),
                      'statistics=' || coalesce(nullif(a.attstattarget, -1)::text, 'default'),
                      'storage=' || a.attstorage::text, 'compression=' || coalesce(nullif(a.attcompression::text, ''), '-'),
                      'collation=' || coalesce(co.collname, '-')) AS line
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
      WHERE n.nspname = $1 AND c.relkind NOT IN ('i', 'I') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const indexes = await db.query<{ table: string; line: string }>(
    `SELECT tablename AS table, indexdef AS line FROM pg_indexes WHERE schemaname = $1 ORDER BY tablename, indexname`,
    [schema],
  );
  const constraints = await db.query<{ table: string; line: string }>(
    `SELECT c.relname AS table, k.conname || ': ' || pg_get_constraintdef(k.oid) AS line
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1
      ORDER BY c.relname, k.conname`,
    [schema],
  );
  const linesOf = (rows: { table: string; line: string }[], table: string) => rows.filter((r) => r.table === table).map((r) => strip(r.line));
  if (namespace.rows.length === 0) throw new Error(`Schema ${schema} does not exist`);
  return {
    privileges: namespace.rows[0].privileges,
    tables: Object.fromEntries(
      tables.rows.map((t) => [
        t.name,
        {
          table: `kind=${t.kind} persistence=${t.persistence} options=${(t.options ?? []).join(',') || '-'} privileges=${t.privileges}`,
          columns: linesOf(columns.rows, t.name),
          indexes: linesOf(indexes.rows, t.name),
          constraints: linesOf(constraints.rows, t.name),
        },
      ]),
    ),
  };
}
