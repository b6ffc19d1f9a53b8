import type { CalendarDate } from '@app/domain';
import { isFormula, type Cell, type Table } from '../file/table';
import { IMPORT_LIMITS } from '../limits';
import type { ColumnMapping, ImportField, ResolvedColumns } from '../mapping';
import { germanDate, parseDate } from './dates';
import type { ImportRow, RowError } from './import-row';
import { parseStatus } from './status';

/** Lists inside a cell ("Schulausschuss; Jugendhilfeausschuss") are split at semicolons and line breaks. */
const splitList = (text: string): string[] =>
  text
    .split(/[;\n\r]+/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');

/**
 * Every data row below the header as an ImportRow, or the errors that keep it from being one.
 * Rows whose mapped cells are all empty are skipped (spacer rows in hand-kept lists).
 */
export function readRows(table: Table, resolved: ResolvedColumns, mapping: ColumnMapping): { rows: ImportRow[]; errors: RowError[] } {
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { line, cells } of table.rows) {
    if (line <= resolved.headerLine) continue;
    const row = readRow(line, cells, resolved, mapping);
    if (row === undefined) continue;
    if ('errors' in row) errors.push(...row.errors);
    else rows.push(row.row);
  }
  return { rows, errors };
}

function readRow(line: number, cells: Cell[], resolved: ResolvedColumns, mapping: ColumnMapping): { row: ImportRow } | { errors: RowError[] } | undefined {
  const errors: RowError[] = [];
  const column = (field: ImportField) => resolved.columns[field]?.header ?? mapping[field];
  const cellOf = (field: ImportField): Cell => {
    const at = resolved.columns[field];
    return at === undefined ? undefined : cells[at.index];
  };
  const fail = (field: ImportField, message: string) => {
    errors.push({ line, column: column(field), message });
    return undefined;
  };
  const text = (field: ImportField): string => {
    const cell = cellOf(field);
    if (isFormula(cell)) return fail(field, `enthält eine Formel (=${cell.formula}); bitte den Wert statt der Formel eintragen.`) ?? '';
    const value = cell instanceof Date ? germanDate(cell.toISOString().slice(0, 10)) : cell === undefined ? '' : String(cell).trim();
    if (value.length > IMPORT_LIMITS.maxCellChars) return fail(field, `ist länger als ${IMPORT_LIMITS.maxCellChars} Zeichen.`) ?? '';
    return value;
  };
  const present = (field: ImportField): boolean => {
    const cell = cellOf(field);
    return cell !== undefined && !(typeof cell === 'string' && cell.trim() === '');
  };
  if (!Object.keys(resolved.columns).some((field) => present(field as ImportField))) return undefined;

  const required = (field: ImportField): string => {
    const value = text(field);
    if (value === '' && present(field) === false) fail(field, 'ist leer, wird aber gebraucht.');
    return value;
  };
  const date = (field: ImportField, needed: boolean): CalendarDate | undefined => {
    if (!present(field)) return needed ? fail(field, 'ist leer, wird aber gebraucht.') : undefined;
    const parsed = parseDate(cellOf(field));
    return 'error' in parsed ? fail(field, parsed.error) : parsed.date;
  };

  const conference = required('conference');
  const adoptedOn = date('adoptedOn', true);
  const number = required('number');
  const title = required('title');
  const textOfRecommendation = required('text');
  const fieldsOfAction = splitList(text('fieldsOfAction'));
  const addressees = splitList(text('addressees'));
  const handedOffTo = splitList(text('handedOffTo'));
  const handedOff = handedOffTo.length > 0;
  const handedOffOn = date('handedOffOn', handedOff);
  const reportDueOn = date('reportDueOn', handedOff);
  if (!handedOff && present('handedOffOn')) fail('handedOffTo', `ist leer, obwohl „${column('handedOffOn')}“ ein Datum nennt.`);
  const mandate = text('mandate') || undefined;
  const statusText = text('status');
  let status: ImportRow['status'];
  if (statusText !== '') {
    const parsed = parseStatus(statusText);
    if ('error' in parsed) fail('status', parsed.error);
    else if (parsed.kind === 'report' && !handedOff) fail('status', `Ein Umsetzungsstand braucht ein Gremium in „${column('handedOffTo')}“.`);
    else status = parsed;
  }
  const statusOn = date('statusOn', statusText !== '');

  if (errors.length > 0) return { errors };
  return {
    row: {
      line,
      conference,
      adoptedOn: adoptedOn!,
      number,
      title,
      text: textOfRecommendation,
      fieldsOfAction,
      addressees,
      handedOffTo,
      ...(handedOffOn ? { handedOffOn } : {}),
      ...(reportDueOn ? { reportDueOn } : {}),
      ...(mandate ? { mandate } : {}),
      ...(status ? { status } : {}),
      ...(statusOn ? { statusOn } : {}),
    },
  };
}
