import { createHash } from 'node:crypto';

/**
 * The Message-ID of a reminder, derived from its key alone: a re-send after a crash between
 * handing the mail to SMTP and recording it carries the same id, so mail servers and clients that
 * drop duplicates drop it, and anyone can tell it is the same reminder.
 */
export function messageIdOf(key: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'empfehlungsradar.invalid';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${host}>`;
}
