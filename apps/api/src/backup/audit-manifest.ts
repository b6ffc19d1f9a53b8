import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { ChainHead } from './format';

/**
 * The audit manifest a backup vouches for: how many events, the last position, and every chain's
 * head. Its SHA-256 (over RFC 8785 JSON) is one value to write down or compare with a signed one.
 */
export function auditManifestSha256(events: number, lastPosition: string | null, heads: Record<string, ChainHead>): string {
  const text = canonicalize({ events, lastPosition, heads });
  return createHash('sha256').update(text ?? '').digest('hex');
}

/** Heads sorted by stream id, the way the manifest lists them. */
export function sortedHeads(heads: Iterable<[string, ChainHead]>): Record<string, ChainHead> {
  return Object.fromEntries([...heads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
