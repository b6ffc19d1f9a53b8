import { ImportFileProblem } from './file/file-problem';
import type { Cell, Table } from './file/table';

/** The fields an imported row can fill, and the German column headers they are read from by default. */
export const DEFAULT_MAPPING = {
  conference: 'Konferenz',
  adoptedOn: 'Datum',
  number: 'Nr.',
  title: 'Titel',
  text: 'Wortlaut',
  fieldsOfAction: 'Handlungsfeld',
  addressees: 'Adressaten',
  handedOffTo: 'Übergeben an',
  handedOffOn: 'Übergeben am',
  reportDueOn: 'Bericht fällig',
  status: 'Stand',
  statusOn: 'Stand vom',
  mandate: 'Auftrag',
} as const;

export type ImportField = keyof typeof DEFAULT_MAPPING;
export type ColumnMapping = Record<ImportField, string>;
export const IMPORT_FIELDS = Object.keys(DEFAULT_MAPPING) as ImportField[];

/** Without these a row cannot become a recommendation. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['conference', 'adoptedOn', 'number', 'title', 'text'];

/** Headers compare case- and whitespace-insensitively: "  übergeben   AN " is "Übergeben an". */
export const normalizeName = (value: string): string => value.normalize('NFC').toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();

/** The defaults with this import's changes; unknown fields in the change are refused by the caller's DTO. */
export function mappingWith(changes: Partial<Record<ImportField, string>> = {}): ColumnMapping {
  const mapping: ColumnMapping = { ...DEFAULT_MAPPING };
  for (const field of IMPORT_FIELDS) {
    const header = changes[field];
    if (typeof header === 'string' && header.trim() !== '') mapping[field] = header;
  }
  return mapping;
}

/** Where each mapped field sits in the table: the header row and, per field, a 0-based column. */
export interface ResolvedColumns {
  headerLine: number;
  columns: Partial<Record<ImportField, { index: number; header: string }>>;
}

const textOf = (cell: Cell): string => (typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '');

/**
 * Finds the header row: the first of the first 30 rows naming at least three mapped headers (a
 * title row above it, merged across the sheet, is passed over). A header merged across several
 * columns names the first of them.
 */
export function resolveColumns(table: Table, mapping: ColumnMapping): ResolvedColumns {
  const wanted = new Map(IMPORT_FIELDS.map((field) => [normalizeName(mapping[field]), field] as const));
  for (const row of table.rows.slice(0, 30)) {
    const columns: ResolvedColumns['columns'] = {};
    row.cells.forEach((cell, index) => {
      const field = wanted.get(normalizeName(textOf(cell)));
      if (field && columns[field] === undefined) columns[field] = { index, header: textOf(cell).trim() };
    });
    if (Object.keys(columns).length >= 3) {
      const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
      if (missing.length > 0) {
        throw new ImportFileProblem(
          422,
          'import.columns-missing',
          `Zeile ${row.line}: Spalte${missing.length > 1 ? 'n' : ''} ${missing.map((f) => `„${mapping[f]}“`).join(', ')} nicht gefunden. Bitte die Spaltenzuordnung anpassen.`,
        );
      }
      return { headerLine: row.line, columns };
    }
  }
  throw new ImportFileProblem(
    422,
    'import.header-not-found',
    `Keine Kopfzeile gefunden: keine der ersten 30 Zeilen nennt mindestens drei der Spalten ${REQUIRED_FIELDS.map((f) => `„${mapping[f]}“`).join(', ')}.`,
  );
}
