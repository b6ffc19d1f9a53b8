import type { EventToAppend } from '../event-store';
import { toStoredEvent } from '../stored-json';
import { chainHash } from '../chain-hash';

/** What an appender must know about a stream's end; undefined means the stream does not exist. */
export interface StreamHead {
  revision: bigint;
  hash: Buffer;
  lastRecordedAt: Date;
}

/** Column arrays for one unnest() INSERT, and the stream's head after it. */
export interface PreparedAppend {
  ids: string[];
  revisions: string[];
  types: string[];
  data: string[];
  metadata: string[];
  hashes: Buffer[];
  recordedAt: Date;
  next: StreamHead;
}

/** Numbers and hash-chains the events after `head`, with one record time for the whole append. */
export function prepareAppend(streamId: string, events: EventToAppend[], head: StreamHead | undefined, clock: Date): PreparedAppend {
  // Never before the stream's previous event, so `recordedBefore` cuts a stream at one point even
  // if the clocks of two application servers disagree.
  const recordedAt = head && head.lastRecordedAt > clock ? head.lastRecordedAt : clock;
  let previous = head ? head.hash : Buffer.alloc(0);
  let revision = head ? head.revision : -1n;
  const out: PreparedAppend = { ids: [], revisions: [], types: [], data: [], metadata: [], hashes: [], recordedAt, next: head! };
  for (const [index, given] of events.entries()) {
    revision += 1n;
    // Checked and turned into what jsonb returns before anything is hashed or sent.
    const e = toStoredEvent(streamId, given, index);
    const { data, metadata } = e;
    previous = chainHash(previous, { streamId, revision, eventId: e.id, type: e.type, data, metadata, recordedAt });
    out.ids.push(e.id);
    out.revisions.push(revision.toString());
    out.types.push(e.type);
    out.data.push(JSON.stringify(data));
    out.metadata.push(JSON.stringify(metadata));
    out.hashes.push(previous);
  }
  out.next = { revision, hash: previous, lastRecordedAt: recordedAt };
  return out;
}

/** The INSERT ... SELECT FROM unnest part shared by both append paths; $1 is the stream id. */
export const INSERT_PREPARED = `(event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
  SELECT id, $1, rev, type, data, meta, $7, hash
    FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[], $8::bytea[]) AS t(id, rev, type, data, meta, hash)`;

export function preparedValues(streamId: string, p: PreparedAppend): unknown[] {
  return [streamId, p.ids, p.revisions, p.types, p.data, p.metadata, p.recordedAt, p.hashes];
}
