import type { VerifyReport } from '../event-store';
import { chainHash } from '../chain-hash';
import type { Queryable } from './queryable';
import { STREAMS, EVENTS } from './schema';

interface ChainRow {
  position: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
  hash: Buffer;
}

/** What a report names of an event. */
type NamedRow = Pick<ChainRow, 'position' | 'event_id' | 'stream_id' | 'revision' | 'hash'>;

/** A stream whose chain held to its last event; its head row is compared once all are known. */
interface WalkedStream {
  streamId: string;
  /** Without data and metadata, so a long log does not keep every stream's last payload. */
  last: NamedRow;
  /** The counts as they stood after this stream, which a head break on it reports. */
  streams: number;
  events: number;
}

const PAGE = 5000;

/**
 * Recomputes every chain in one pass over the rows (keyset pages in stream, revision order; the next
 * page is asked for before this one is hashed) and reports the first event whose stored hash differs
 * from the recomputed one. A missing revision breaks the chain at the next event. The stream heads
 * are read in one query at the end (or at the first chain break): a head that does not match its
 * stream's last event is reported on that event, and counts as earlier than any break in a later
 * stream, exactly as if each head had been checked when its stream ended.
 */
export async function verifyChains(db: Queryable, streamId?: string): Promise<VerifyReport> {
  const walked: WalkedStream[] = [];
  let streams = 0;
  let events = 0;
  let current: { streamId: string; revision: bigint; hash: Buffer; last?: ChainRow } | undefined;
  const endStream = () => {
    const l = current?.last;
    if (current && l) {
      const last = { position: l.position, event_id: l.event_id, stream_id: l.stream_id, revision: l.revision, hash: l.hash };
      walked.push({ streamId: current.streamId, last, streams, events });
    }
  };

  let next: Promise<ChainRow[]> | undefined = page(db, streamId);
  while (next) {
    const rows: ChainRow[] = await next;
    // The server reads the next page while this one is hashed.
    const last = rows.at(-1);
    next = rows.length === PAGE && last ? page(db, streamId, [last.stream_id, last.revision]) : undefined;
    // Awaited below on every path; this only keeps a failure during hashing from leaving it unhandled.
    next?.catch(() => undefined);
    for (const row of rows) {
      if (!current || current.streamId !== row.stream_id) {
        endStream();
        current = { streamId: row.stream_id, revision: -1n, hash: Buffer.alloc(0) };
        streams += 1;
      }
      const revision = current.revision + 1n;
      const expected = chainHash(current.hash, {
        streamId: row.stream_id,
        revision,
        eventId: row.event_id,
        type: row.type,
        data: row.data,
        metadata: row.metadata,
        recordedAt: row.recorded_at,
      });
      if (!expected.equals(row.hash)) {
        // Let a page already asked for finish before the heads query queues behind it.
        await next?.catch(() => undefined);
        return (await firstHeadBreak(db, walked, streamId)) ?? broken(row, expected, row.hash, streams, events);
      }
      events += 1;
      current = { streamId: row.stream_id, revision, hash: row.hash, last: row };
    }
  }
  endStream();
  const headBroken = await firstHeadBreak(db, walked, streamId);
  if (headBroken) return headBroken;
  const heads: Record<string, string> = {};
  for (const s of walked) heads[s.streamId] = s.last.hash.toString('hex');
  return { ok: true, streams, events, heads };
}

function page(db: Queryable, streamId: string | undefined, after?: [string, string]): Promise<ChainRow[]> {
  const values: unknown[] = [];
  const where: string[] = [];
  if (streamId !== undefined) {
    values.push(streamId);
    where.push(`stream_id = $${values.length}`);
  }
  if (after) {
    values.push(after[0], after[1]);
    where.push(`(stream_id, revision) > ($${values.length - 1}, $${values.length}::bigint)`);
  }
  return db
    .query<ChainRow>(
      `SELECT position::text AS position, event_id::text AS event_id, stream_id, revision::text AS revision,
              type, data, metadata, recorded_at, hash
         FROM ${EVENTS} e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.stream_id, e.revision LIMIT ${PAGE}`,
      values,
    )
    .then((r) => r.rows);
}

/** One query for every head; the first walked stream (in walk order) whose head row disagrees. */
async function firstHeadBreak(db: Queryable, walked: WalkedStream[], streamId: string | undefined): Promise<VerifyReport | undefined> {
  if (walked.length === 0) return undefined;
  const { rows } = await db.query<{ stream_id: string; revision: string; head_hash: Buffer }>(
    `SELECT stream_id, revision::text AS revision, head_hash FROM ${STREAMS}${streamId === undefined ? '' : ' WHERE stream_id = $1'}`,
    streamId === undefined ? [] : [streamId],
  );
  const heads = new Map(rows.map((r) => [r.stream_id, r]));
  for (const s of walked) {
    const head = heads.get(s.streamId);
    if (head && head.revision === s.last.revision && head.head_hash.equals(s.last.hash)) continue;
    return broken(s.last, head ? head.head_hash : Buffer.alloc(0), s.last.hash, s.streams, s.events);
  }
  return undefined;
}

function broken(row: NamedRow, expected: Buffer, stored: Buffer, streams: number, events: number): VerifyReport {
  return {
    ok: false,
    streams,
    events,
    firstBroken: {
      streamId: row.stream_id,
      revision: BigInt(row.revision),
      eventId: row.event_id,
      position: BigInt(row.position),
      expectedHash: expected.toString('hex'),
      storedHash: stored.toString('hex'),
    },
  };
}
