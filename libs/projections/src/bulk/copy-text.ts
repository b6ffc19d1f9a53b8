import type { TableColumn } from '../read-models/columns';

/**
 * Rows in PostgreSQL's COPY text format: one line per row, columns separated by tabs, `\N` for
 * NULL, and backslash, tab, newline and carriage return escaped. The server parses this far more
 * cheaply than a JSON document of rows, which it would first build as jsonb and then pick apart.
 */
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const escape = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPED[c]) : text);

/** One value as COPY text; JSON columns take any JSON value, other columns scalars and instants. */
export function copyValue(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return escape(JSON.stringify(value));
  switch (typeof value) {
    case 'string':
      return escape(value);
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
  }
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`A ${typeof value} cannot go into a column that does not hold JSON`);
}

/** The lines of `rows` for `COPY … (columns) FROM STDIN`; a row's missing property is NULL. */
export function copyLines(rows: readonly object[], columns: readonly TableColumn[]): string {
  let text = '';
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) text += '\t';
      text += copyValue(values[columns[i].name], columns[i].json);
    }
    text += '\n';
  }
  return text;
}
