import { ProblemException } from '../../http/problem.exception';

/** The sort key of the list: adoption date, reference (numeric-aware), id. The cursor is the last key of a page. */
export type ListKey = [adoptedOn: string, reference: string, recommendationId: string];

const collator = new Intl.Collator('de', { numeric: true });

export function compareKeys(a: ListKey, b: ListKey): number {
  return a[0].localeCompare(b[0]) || collator.compare(a[1], b[1]) || a[2].localeCompare(b[2]);
}

/** Opaque to clients: base64url of the key. A keyset cursor, so rows added meanwhile never shift a page. */
export const encodeCursor = (key: ListKey): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): ListKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === 'string')) return key as ListKey;
  } catch {
    // falls through to the 400 below
  }
  throw ProblemException.of(400, 'cursor ist ungültig: bitte den nextCursor einer vorigen Antwort verwenden.', {
    code: 'validation',
    errors: [{ field: 'cursor', message: 'cursor ist ungültig.' }],
  });
}
