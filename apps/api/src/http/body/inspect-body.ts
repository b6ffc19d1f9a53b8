/**
 * Checks a parsed JSON request body before anything else reads it (guards, class-transformer, the
 * event store), so hostile input is a 400 naming the field instead of a 500 deeper down:
 * - the body is one JSON object (not a list, string or number);
 * - it nests at most MAX_BODY_DEPTH levels (class-transformer recurses and overflows the stack);
 * - no member is named `__proto__`, `constructor` or `prototype` (class-transformer drops them
 *   silently, where every other unknown field is refused);
 * - no text or member name holds a control character other than tab and line breaks (PostgreSQL's
 *   jsonb refuses `\u0000`; the others have no place in anything a person types) or a lone
 *   UTF-16 surrogate (no character at all; it cannot be stored as UTF-8);
 * - no number is infinite (JSON.parse reads 1e999 as Infinity, which neither the idempotency hash
 *   nor jsonb can hold).
 * The walk is iterative and stops at the depth limit, so no input can exhaust the stack here either.
 */
export const MAX_BODY_DEPTH = 16;
const MAX_REPORTED = 20;
const FORBIDDEN_MEMBERS = new Set(['__proto__', 'constructor', 'prototype']);
// C0 controls except \t \n \r, DEL and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface FieldProblem {
  field: string;
  message: string;
}

/** The message for a text that cannot be stored, or undefined if it is fine. */
export function textProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return 'Darf keine Steuerzeichen enthalten (erlaubt sind nur Tabulator und Zeilenumbruch).';
  if (LONE_SURROGATE.test(text)) return 'Enthält ein ungültiges Unicode-Zeichen (ein einzelnes Surrogat).';
  return undefined;
}

const child = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Every problem of the body (at most 20); empty if the body may pass. */
export function bodyProblems(body: unknown): FieldProblem[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [{ field: '', message: 'Der Anfragetext muss ein JSON-Objekt sein, z. B. {"title": "…"}.' }];
  }
  return walk(body);
}

/** The same checks for the parsed query string (its values are texts, lists or objects of texts). */
export const queryProblems = (query: unknown): FieldProblem[] => (query && typeof query === 'object' ? walk(query) : []);

function walk(root: object): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 1 }];
  while (stack.length > 0 && problems.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const message = textProblem(value);
      if (message) problems.push({ field: path, message });
      continue;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      problems.push({ field: path, message: 'Muss eine endliche Zahl sein.' });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) {
      problems.push({ field: path, message: `Ist zu tief verschachtelt (höchstens ${MAX_BODY_DEPTH} Ebenen).` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const next: typeof stack = [];
    for (const [key, member] of entries) {
      const field = child(path, key);
      if (typeof key === 'string') {
        const keyMessage = textProblem(key);
        if (keyMessage) {
          problems.push({ field, message: `Der Feldname ${keyMessage.charAt(0).toLowerCase()}${keyMessage.slice(1)}` });
          continue;
        }
        if (FORBIDDEN_MEMBERS.has(key)) {
          problems.push({ field, message: `Unbekanntes Feld: ${field} ist nicht erlaubt.` });
          continue;
        }
      }
      next.push({ value: member, path: field, depth: depth + 1 });
    }
    // Reversed, so the stack pops the members in document order.
    stack.push(...next.reverse());
  }
  return problems.slice(0, MAX_REPORTED);
}
