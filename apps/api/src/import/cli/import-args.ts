import { parseArgs } from 'node:util';
import { IMPORT_FIELDS, type ImportField } from '../mapping';

export const IMPORT_USAGE = `Aufruf: npm run import -- --region <uuid> [--dry-run] [--mapping '{"title":"Empfehlung"}'] <datei.xlsx|datei.csv>
--dry-run      nur prüfen und zeigen, was geschrieben würde; nichts schreiben
--mapping      JSON: Feld → Spaltenüberschrift, wo die Liste andere Überschriften hat
               (Felder: ${IMPORT_FIELDS.join(', ')})
Exit-Code 0 nur, wenn jede Zeile angenommen wurde.`;

export class ImportUsageError extends Error {}

export interface ImportArgs {
  regionId: string;
  dryRun: boolean;
  file: string;
  mapping: Partial<Record<ImportField, string>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { region: { type: 'string' }, 'dry-run': { type: 'boolean' }, mapping: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new ImportUsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (!values.region) throw new ImportUsageError('--region fehlt.');
  if (!UUID.test(values.region)) throw new ImportUsageError(`--region ist keine UUID: ${values.region}`);
  if (positionals.length !== 1) throw new ImportUsageError(positionals.length === 0 ? 'Die Datei fehlt.' : `Nur eine Datei: ${positionals.join(' ')}`);
  let mapping: Partial<Record<ImportField, string>> = {};
  if (values.mapping !== undefined) {
    try {
      mapping = JSON.parse(values.mapping);
    } catch {
      throw new ImportUsageError('--mapping ist kein gültiges JSON.');
    }
    const unknown = Object.keys(mapping).filter((k) => !IMPORT_FIELDS.includes(k as ImportField) || typeof mapping[k as ImportField] !== 'string');
    if (unknown.length > 0) throw new ImportUsageError(`--mapping: unbekannte Felder oder keine Texte: ${unknown.join(', ')}`);
  }
  return { regionId: values.region.toLowerCase(), dryRun: values['dry-run'] === true, file: positionals[0]!, mapping };
}
