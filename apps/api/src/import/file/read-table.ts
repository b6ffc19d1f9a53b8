import { IMPORT_LIMITS } from '../limits';
import { ImportFileProblem } from './file-problem';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { Table } from './table';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an uploaded list: .xlsx by its zip signature or name, otherwise CSV. */
export async function readTable(bytes: Buffer, fileName = ''): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileProblem(400, 'import.empty-file', 'Die Datei ist leer.');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportFileProblem(413, 'import.file-too-large', `Die Datei ist größer als ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`);
  }
  const name = fileName.toLowerCase();
  if (name.endsWith('.xls') || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new ImportFileProblem(415, 'import.xls', 'Das alte Excel-Format (.xls) wird nicht gelesen; bitte als .xlsx oder CSV speichern.');
  }
  const table = bytes.subarray(0, 4).equals(ZIP_MAGIC) || name.endsWith('.xlsx') ? await readXlsx(bytes) : readCsv(bytes);
  if (table.rows.length > IMPORT_LIMITS.maxRows + 100) {
    throw new ImportFileProblem(413, 'import.too-many-rows', `Die Datei hat mehr als ${IMPORT_LIMITS.maxRows} Zeilen; bitte aufteilen.`);
  }
  return table;
}
