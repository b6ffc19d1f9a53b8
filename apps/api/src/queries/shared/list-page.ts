import type { QueryReader } from './query-params';

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

/** `cursor` and `limit` (1 to 200, default 50) of a keyset-paged list. */
export function listPage(q: QueryReader): { cursor?: string; limit: number } {
  const cursor = q.string('cursor');
  const limit = q.integer('limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  return { ...(cursor !== undefined ? { cursor } : {}), limit };
}
