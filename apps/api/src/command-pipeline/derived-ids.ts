import { createHash, randomUUID } from 'node:crypto';

/** RFC 9562 name-based uuid (version 5, SHA-1), so the same name always gives the same id. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Our namespace for ids derived from Idempotency-Keys. */
const NAMESPACE = '6f1c5a3e-4d2b-5c8a-9e7f-0b1d2c3e4f5a';

/**
 * With an Idempotency-Key the ids of what a command creates follow from (region, key, what), so a
 * duplicate that slips past the idempotency table still names the same events (an idempotent append
 * in the store) and the same new aggregate. Without a key they are random.
 */
export function derivedId(regionId: string, idempotencyKey: string | undefined, what: string): string {
  return idempotencyKey === undefined ? randomUUID() : uuidV5(JSON.stringify([regionId, idempotencyKey, what]), NAMESPACE);
}

/**
 * An Idempotency-Key belongs to whoever sent it: the same key from another account (or OIDC
 * subject) derives other ids, so it can neither replay nor block someone else's command.
 */
export const principalKey = (userId: string, key: string) => JSON.stringify([userId, key]);

export const eventIdFor = (regionId: string, idempotencyKey: string | undefined, index: number) =>
  derivedId(regionId, idempotencyKey, `event/${index}`);

export type AggregateKind = 'region' | 'conference' | 'committee' | 'recommendation';

export const newAggregateId = (regionId: string, idempotencyKey: string | undefined, kind: AggregateKind) =>
  derivedId(regionId, idempotencyKey, `aggregate/${kind}`);
