import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '../limits';
import { ImportFileProblem } from './file-problem';
import type { Cell, Table } from './table';
import { checkZipBudget } from './zip-budget';

/**
 * The first worksheet of an .xlsx. Cells merged across rows (a conference named once for a block
 * of rows) give every row the merged value; a formula is kept as a formula, so the rows can refuse
 * it by name instead of trusting a cached result.
 */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  checkZipBudget(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileProblem(422, 'import.xlsx-broken', 'Die Excel-Datei ist beschädigt oder keine .xlsx-Datei (ältere .xls-Dateien bitte als .xlsx speichern).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileProblem(422, 'import.xlsx-empty', 'Die Excel-Datei enthält kein Tabellenblatt.');
  if (sheet.rowCount > IMPORT_LIMITS.maxRows + 100) throw tooManyRows();
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellOf(cell.value);
    });
    rows.push({ line, cells });
  });
  return { format: 'Excel (.xlsx)', rows };
}

const tooManyRows = () => new ImportFileProblem(413, 'import.too-many-rows', `Die Datei hat mehr als ${IMPORT_LIMITS.maxRows} Zeilen; bitte aufteilen.`);

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'WAHR' : 'FALSCH';
  if ('formula' in value || 'sharedFormula' in value) return { formula: String((value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula: string }).sharedFormula) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === 'string' ? text : ((text as { richText?: { text: string }[] }).richText ?? []).map((part) => part.text).join('');
  }
  if ('error' in value) return String(value.error);
  return undefined;
}
