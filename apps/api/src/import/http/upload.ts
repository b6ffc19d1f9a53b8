import { ProblemException } from '../../http/problem.exception';
import { isImportFileProblem } from '../file/file-problem';
import { IMPORT_FIELDS, type ImportField } from '../mapping';

export interface UploadedList {
  buffer: Buffer;
  originalname: string;
}

/** The uploaded file, or a 400 saying what is missing. */
export function fileOf(file: UploadedList | undefined): UploadedList {
  if (!file || !Buffer.isBuffer(file.buffer)) {
    throw ProblemException.of(400, 'Keine Datei hochgeladen (Feld „file“).', { code: 'import.no-file', errors: [{ field: 'file', message: 'Fehlt.' }] });
  }
  return file;
}

/** `mapping`: a JSON object from field to column header; unknown fields and non-text values are refused (400). */
export function mappingOf(raw: unknown): Partial<Record<ImportField, string>> {
  if (raw === undefined || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch {
    throw invalid('ist kein gültiges JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('muss ein Objekt sein.');
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!IMPORT_FIELDS.includes(key as ImportField)) throw invalid(`kennt das Feld „${key}“ nicht (erlaubt: ${IMPORT_FIELDS.join(', ')}).`);
    if (typeof value !== 'string' || value.length > 200) throw invalid(`„${key}“ muss eine Spaltenüberschrift (Text, höchstens 200 Zeichen) sein.`);
    mapping[key as ImportField] = value;
  }
  return mapping;
}

const invalid = (message: string) =>
  ProblemException.of(400, `Die Spaltenzuordnung ${message}`, { code: 'validation', errors: [{ field: 'mapping', message: `Die Spaltenzuordnung ${message}` }] });

/** A file the reader refuses becomes its 4xx; anything else propagates. */
export async function readingFile<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isImportFileProblem(error)) throw ProblemException.of(error.status, error.message, { code: error.code });
    throw error;
  }
}
