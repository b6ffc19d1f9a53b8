import type { TableColumn } from '@app/read-models/tables/define';
import { instantTextFormatter } from './instant-text';

/**
 * Rows in PostgreSQL's COPY text format: one line per row, columns separated by tabs, `\N` for
 * NULL, and backslash, tab, newline and carriage return escaped. The server parses this far more
 * cheaply than a JSON document of rows, which it would first build as jsonb and then pick apart.
 */
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const escape = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPED[c]) : text);
/** JSON text holds no raw tab, newline or carriage return (JSON.stringify escapes them), only backslashes. */
const escapeJson = (text: string) => (text.includes('\\') ? text.replaceAll('\\', '\\\\') : text);
const instantText = instantTextFormatter();

/** One value as COPY text; JSON columns take any JSON value, other columns scalars and instants. */
export function copyValue(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return escapeJson(JSON.stringify(value));
  switch (typeof value) {
    case 'string':
      return escape(value);
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
  }
  if (value instanceof Date) return instantText(value);
  throw new TypeError(`A ${typeof value} cannot go into a column that does not hold JSON`);
}

/**
 * The encoder of one table's rows as lines for `COPY … (columns) FROM STDIN`; a missing property
 * is NULL. Compiled with the column names written out: property reads the engine can cache, where
 * a loop over the names would look each one up by a computed key (a rebuild encodes millions).
 */
export function lineEncoder(columns: readonly TableColumn[]): (row: object) => string {
  if (columns.length === 0) throw new Error('A COPY line needs at least one column');
  const values = columns.map((c) => `value(row[${JSON.stringify(c.name)}], ${c.json})`).join(" + '\\t' + ");
  return new Function('value', `return (row) => ${values} + '\\n';`)(copyValue) as (row: object) => string;
}

/** UTF-8 takes at most three bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Encodes rows line by line straight into fixed-size chunks for the COPY stream. One long string
 * per batch would be built from millions of small pieces and then flattened and converted in one
 * go, and many small chunks would each cost a socket write; this way each line is converted once,
 * into the chunk that is sent.
 */
export class CopyChunks {
  private chunk: Buffer;
  private used = 0;
  private readonly line: (row: object) => string;

  constructor(
    columns: readonly TableColumn[],
    private readonly size = 1024 * 1024,
  ) {
    this.line = lineEncoder(columns);
    this.chunk = Buffer.allocUnsafe(size);
  }

  /** Adds the rows' lines; returns the chunks filled meanwhile, each handed over for good. */
  add(rows: readonly object[]): Buffer[] {
    const full: Buffer[] = [];
    for (const row of rows) {
      const line = this.line(row);
      if (this.used + line.length * MAX_BYTES_PER_UNIT > this.size) {
        if (this.used > 0) full.push(this.take());
        if (line.length * MAX_BYTES_PER_UNIT > this.size) {
          full.push(Buffer.from(line));
          continue;
        }
      }
      this.used += this.chunk.write(line, this.used);
    }
    return full;
  }

  /** The last, partly filled chunk, if any. */
  rest(): Buffer | undefined {
    return this.used > 0 ? this.take() : undefined;
  }

  private take(): Buffer {
    const filled = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(this.size);
    this.used = 0;
    return filled;
  }
}
