import { ProblemException } from '../../http/problem.exception';

/**
 * Keyset pagination: a list's sort key as a tuple of strings; the cursor is the last key of a page.
 * Opaque to clients (base64url of the key), so rows added meanwhile never shift a page.
 */
export type ListKey = readonly string[];

const collator = new Intl.Collator('de', { numeric: true });

/** Part by part: plain order for dates and ids, German numeric-aware order where `natural` says so. */
export function compareKeys(a: ListKey, b: ListKey, natural: readonly number[] = []): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const order = natural.includes(i) ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return 0;
}

export const encodeCursor = (key: ListKey): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export function decodeCursor(cursor: string, length: number): ListKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((part) => typeof part === 'string')) return key as string[];
  } catch {
    // falls through to the 400 below
  }
  throw ProblemException.of(400, 'cursor ist ungültig: bitte den nextCursor einer vorigen Antwort verwenden.', {
    code: 'validation',
    errors: [{ field: 'cursor', message: 'cursor ist ungültig.' }],
  });
}

/** One page of sorted items after `cursor`, with the cursor of the next page (null on the last) and the total. */
export function keysetPage<T>(
  sorted: readonly { key: ListKey; item: T }[],
  page: { cursor?: string; limit: number },
  keyLength: number,
  natural: readonly number[] = [],
): { items: T[]; nextCursor: string | null; total: number } {
  const after = page.cursor !== undefined ? decodeCursor(page.cursor, keyLength) : undefined;
  const rest = after ? sorted.filter(({ key }) => compareKeys(key, after, natural) > 0) : sorted;
  const taken = rest.slice(0, page.limit);
  return {
    items: taken.map(({ item }) => item),
    nextCursor: rest.length > taken.length ? encodeCursor(taken.at(-1)!.key) : null,
    total: sorted.length,
  };
}
