import { CsvError, parse } from 'csv-parse/sync';
import { IMPORT_LIMITS } from '../limits';
import { decodeText } from './decode-text';
import { ImportFileProblem } from './file-problem';
import type { Table } from './table';

/**
 * A CSV file as rows of text. The separator is `;` (German Excel) or `,`, whichever the first
 * line holds more of outside quotes. Rows are numbered as records (the header is line 1), which is
 * what a spreadsheet program shows even when a quoted cell spans several lines.
 */
export function readCsv(bytes: Buffer): Table {
  const { text, encoding } = decodeText(bytes);
  const delimiter = separatorOf(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, to: IMPORT_LIMITS.maxRows + 101 }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportFileProblem(422, 'import.csv-broken', `Die CSV-Datei ist fehlerhaft${line ? ` (um Zeile ${line})` : ''}: ${csvReason(error.code)}`);
    }
    throw error;
  }
  return {
    format: `CSV (Trennzeichen „${delimiter}“, ${encoding})`,
    rows: records.map((cells, index) => ({ line: index + 1, cells })),
  };
}

function separatorOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

function csvReason(code: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'ein Anführungszeichen wird nicht geschlossen.';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'nach einem schließenden Anführungszeichen folgt kein Trennzeichen.';
    default:
      return `nicht lesbar (${code}).`;
  }
}
