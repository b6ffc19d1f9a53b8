import { EntitySchema, type ColumnType, type EntitySchemaColumnOptions } from 'typeorm';

/**
 * A read-model table defined once: its columns in order (the order COPY and the sink write them),
 * key, indexes and storage parameters. The DDL a rebuild runs, the TypeORM entity, the row type and
 * the column lists of the writers all come from this; the migrations are frozen copies of what it
 * produced, held to it by rebuild/shadow-schema.spec.ts.
 */
export interface Column<T> {
  /** The column's SQL type as the DDL writes it. */
  readonly sql: string;
  readonly nullable: boolean;
  /** SQL default expression. */
  readonly default?: string;
  /** A JSON document, stored and read whole: written as JSON, and without statistics (see `document`). */
  readonly json: boolean;
  /** Only carries the row type; never set. */
  readonly row?: T;
}

const column = <T>(sql: string, json = false): Column<T> => ({ sql, nullable: false, json });

export const text = column<string>('text');
export const integer = column<number>('integer');
/** pg returns bigint as a string; rows carry it as one. */
export const bigint = column<string>('bigint');
export const double = column<number>('double precision');
export const boolean = column<boolean>('boolean');
/** A business date, 'YYYY-MM-DD'. */
export const date = column<string>('date');
export const timestamptz = column<Date>('timestamptz');

/**
 * A JSON document. No query filters or sorts on one, so statistics on it would only cost every
 * ANALYZE the sampling of thousands of documents: its statistics target is 0. `json` keeps the text
 * as written and is cheaper than `jsonb` for documents only ever stored and read whole.
 */
export const document = <T>(sql: 'json' | 'jsonb'): Column<T> => column<T>(sql, true);

export const nullable = <T>(c: Column<T>): Column<T | null> => ({ ...c, nullable: true }) as Column<T | null>;
export const withDefault = <T>(c: Column<T>, expression: string): Column<T> => ({ ...c, default: expression });

type Columns = Record<string, Column<unknown>>;

export interface IndexDefinition {
  name: string;
  /** Column names, each optionally followed by ` DESC`. */
  columns: readonly string[];
  /** Partial index: the rows it covers. */
  where?: string;
  /**
   * Kept up during a rebuild's load instead of built afterwards: entries arrive in order or seldom,
   * so the server maintains it cheaply while it waits for rows anyway.
   */
  duringLoad?: boolean;
}

export interface TableDefinition {
  name: string;
  /** TypeORM's name for the entity. */
  entity: string;
  columns: Columns;
  primaryKey: readonly string[];
  /**
   * A rebuild fills it by COPY: its key is a statement of its own, so the rebuild can add it after
   * the load (one sorted build instead of an insertion per row).
   */
  bulk?: boolean;
  indexes?: readonly IndexDefinition[];
  /** Storage parameters (`WITH (…)`). */
  storage?: Readonly<Record<string, number>>;
  /** The columns its rows are ordered by for checksums and comparisons; the primary key unless given. */
  order?: readonly string[];
}

type ColumnName<C extends Columns> = keyof C & string;

/** A definition whose keys, indexes and order name only its own columns (checked by the compiler). */
type Checked<N extends string, C extends Columns> = Omit<TableDefinition, 'name' | 'columns' | 'primaryKey' | 'indexes' | 'order'> & {
  name: N;
  columns: C;
  primaryKey: Array<ColumnName<C>>;
  indexes?: Array<Omit<IndexDefinition, 'columns'> & { columns: Array<ColumnName<C> | `${ColumnName<C>} DESC`> }>;
  order?: Array<ColumnName<C>>;
};

export const defineTable = <N extends string, C extends Columns>(definition: Checked<N, C>): TableDefinition & { name: N; columns: C } => definition;

/** The row a table holds, as pg returns it and the writers produce it. */
export type RowOf<D extends { columns: Columns }> = { -readonly [K in keyof D['columns']]: D['columns'][K] extends Column<infer T> ? T : never };

export interface TableColumn {
  name: string;
  /** Holds JSON (`json`/`jsonb`): its values are written as JSON documents. */
  json: boolean;
}

/** The columns in table order, for writers that name them (COPY, INSERT … SELECT). */
export function columnsOf(table: TableDefinition): TableColumn[] {
  return Object.entries(table.columns).map(([name, c]) => ({ name, json: c.json }));
}

export interface DdlStatement {
  sql: string;
  /**
   * `table`: CREATE SCHEMA or TABLE, or a column's settings; `key`: a primary key added to a table
   * after its load; `index`: a secondary index; `loadIndex`: one a bulk load keeps up as rows arrive.
   */
  kind: 'table' | 'key' | 'index' | 'loadIndex';
  table: string | undefined;
}

/** The statements that create `table` in `schema`, in the order they run. */
export function tableDdl(table: TableDefinition, schema: string): DdlStatement[] {
  const qualified = `"${schema}".${table.name}`;
  const key = table.primaryKey.join(', ');
  const lines = Object.entries(table.columns).map(
    ([name, c]) => `${name} ${c.sql}${c.nullable ? '' : ' NOT NULL'}${c.default === undefined ? '' : ` DEFAULT ${c.default}`}`,
  );
  if (!table.bulk) lines.push(`PRIMARY KEY (${key})`);
  const storage = Object.entries(table.storage ?? {}).map(([name, value]) => `${name} = ${value}`);
  const statements: DdlStatement[] = [
    { sql: `CREATE TABLE ${qualified} (\n  ${lines.join(',\n  ')}\n)${storage.length ? ` WITH (${storage.join(', ')})` : ''}`, kind: 'table', table: table.name },
  ];
  for (const [name, c] of Object.entries(table.columns)) {
    if (c.json) statements.push({ sql: `ALTER TABLE ${qualified} ALTER COLUMN ${name} SET STATISTICS 0`, kind: 'table', table: table.name });
  }
  if (table.bulk) statements.push({ sql: `ALTER TABLE ${qualified} ADD PRIMARY KEY (${key})`, kind: 'key', table: table.name });
  for (const index of table.indexes ?? []) {
    const where = index.where ? ` WHERE ${index.where}` : '';
    statements.push({
      sql: `CREATE INDEX ${index.name} ON ${qualified} (${index.columns.join(', ')})${where}`,
      kind: index.duringLoad ? 'loadIndex' : 'index',
      table: table.name,
    });
  }
  return statements;
}

/** TypeORM's view of the table, for the query side; the schema is never synchronised from it. */
export function entitySchemaOf(table: TableDefinition, schema: string): EntitySchema {
  const columns: Record<string, EntitySchemaColumnOptions> = {};
  for (const [name, c] of Object.entries(table.columns)) {
    columns[name] = { type: c.sql as ColumnType, nullable: c.nullable, primary: table.primaryKey.includes(name) || undefined };
  }
  return new EntitySchema({ name: table.entity, tableName: table.name, schema, columns });
}
