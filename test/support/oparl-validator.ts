import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// Jest runs from the repository root (ESM: no __dirname).
const DIR = join(process.cwd(), 'test', 'support', 'oparl-schema-1.1.1');

/** `"type": "object", "schema": "File.json"` (an embedded object) becomes a reference to that schema. */
function linked(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(linked);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (typeof record.schema === 'string' && record.type === 'object') return { $ref: record.schema };
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, linked(v)]));
}

/** Validators of the OParl 1.1.1 object types, from the published schemas (README.md beside them). */
export function oparlValidators(): Record<string, ValidateFunction> {
  // The schemas' patterns escape ':' and '/', which unicode-mode regular expressions refuse; and an
  // external list is a URL string whose `items` describe the list's objects, which strict typing refuses.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validators: Record<string, ValidateFunction> = {};
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  for (const file of files) ajv.addSchema({ ...(linked(JSON.parse(readFileSync(join(DIR, file), 'utf8'))) as object), $id: file });
  for (const file of files) validators[file.replace('.json', '')] = ajv.getSchema(file)!;
  return validators;
}

/** The schema errors of an object by its `type` (https://schema.oparl.org/1.1/Paper → Paper.json). */
export function oparlErrors(validators: Record<string, ValidateFunction>, object: { type?: unknown }): string[] {
  const name = String(object.type ?? '').split('/').at(-1) ?? '';
  const validate = validators[name];
  if (!validate) return [`unknown type ${String(object.type)}`];
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message}`);
}
