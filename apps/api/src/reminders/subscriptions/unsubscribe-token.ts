import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The unsubscribe link's token: `<subscription id>.<HMAC-SHA256 of the id>`, keyed with a key
 * derived from the server's signing secret (JWT_SECRET or DATA_DIR/jwt-secret). It opens exactly
 * one subscription: the MAC binds the id, so a token cannot be changed into another's, and without
 * the secret none can be made. Nothing is stored for it; the subscription's deletion ends it.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/** A key of its own for this purpose, so an unsubscribe MAC is never valid as anything else signed with the secret. */
export const unsubscribeKey = (serverSecret: Uint8Array | string): Buffer => createHmac('sha256', serverSecret).update('empfehlungsradar/unsubscribe/v1').digest();

const macOf = (key: Buffer, subscriptionId: string) => createHmac('sha256', key).update(`subscription:${subscriptionId}`).digest();

export function unsubscribeToken(key: Buffer, subscriptionId: string): string {
  return `${subscriptionId}.${macOf(key, subscriptionId).toString('base64url')}`;
}

export type TokenCheck = { ok: true; subscriptionId: string } | { ok: false; reason: 'malformed' | 'forged' };

export function checkUnsubscribeToken(key: Buffer, token: string): TokenCheck {
  const match = TOKEN.exec(token);
  if (!match || !UUID.test(match[1]!)) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = macOf(key, match[1]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  return { ok: true, subscriptionId: match[1]! };
}
