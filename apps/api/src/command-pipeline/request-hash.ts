import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** What makes two requests "the same" for an Idempotency-Key: method, path and the body in RFC 8785 form. */
export function requestHash(method: string, path: string, body: unknown): string {
  const text = canonicalize({ method: method.toUpperCase(), path, body: body ?? null }) ?? '';
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
