import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { EventMetadata } from './event-store';

export interface HashedFields {
  streamId: string;
  revision: bigint;
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * RFC 8785 form of one event. The revision is a decimal string so it stays exact beyond 2^53;
 * the event id is lower-cased because PostgreSQL's uuid type returns it that way.
 */
export function canonicalEvent(e: HashedFields): string {
  const text = canonicalize({
    streamId: e.streamId,
    revision: e.revision.toString(),
    eventId: e.eventId.toLowerCase(),
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.recordedAt.toISOString(),
  });
  if (text === undefined) throw new Error('event cannot be canonicalised');
  return text;
}

/** sha256(previous hash in the stream ‖ canonical event); the first event's previous hash is empty. */
export function chainHash(previous: Buffer, e: HashedFields): Buffer {
  return createHash('sha256').update(previous).update(canonicalEvent(e), 'utf8').digest();
}
