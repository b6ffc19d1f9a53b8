/**
 * CSV for German spreadsheets (api.md "Exports"): UTF-8 with a byte order mark, `;` between cells,
 * CRLF between records, RFC 4180 quoting.
 *
 * Why these choices:
 * - The BOM makes Excel read UTF-8 (umlauts) instead of the ANSI code page.
 * - `;` is the list separator of a German locale, so a double click opens columns, not one cell.
 * - Numbers are written with a decimal comma and no thousands separator ("0,75", "1234,5"): a
 *   German Excel or LibreOffice reads exactly that as a number; "0.75" would become a date or text.
 *   Shares stay fractions (0,75), not per cent, so the number means the same as in the JSON.
 * - Dates stay ISO `YYYY-MM-DD`, which German spreadsheets also recognise as dates; instants ISO.
 * - No value (an empty base, a missing date) is an empty cell, never "NaN" or "null".
 * - A text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a spreadsheet
 *   never runs it as a formula (CSV injection); numbers are written by us and never prefixed.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';
const SEPARATOR = ';';
const NEWLINE = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** 0.75 → "0,75"; integers stay as they are; up to 6 decimals, trailing zeros dropped. */
export function germanNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return fixed.replace('.', ',');
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when it holds the separator, a quote or a line break (RFC 4180: quotes doubled). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return germanNumber(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole document: BOM, header line, one line per row, each line ended by CRLF. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))))];
  return BOM + lines.map((cells) => cells.join(SEPARATOR) + NEWLINE).join('');
}
