import type { VerifyReport } from '../event-store';
import { chainHash } from './hash';
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

const PAGE = 2000;

/**
 * Recomputes every chain from the stored rows (keyset pages in stream, revision order) and reports
 * the first event whose stored hash differs from the recomputed one. A missing revision breaks the
 * chain at the next event; a stream head that does not match its last event is reported on that event.
 */
export async function verifyChains(db: Queryable, streamId?: string): Promise<VerifyReport> {
  const heads: Record<string, string> = {};
  let streams = 0;
  let events = 0;
  let current: { streamId: string; revision: bigint; hash: Buffer; last?: ChainRow } | undefined;
  let after: [string, string] | undefined;

  const checkHead = async (): Promise<VerifyReport | undefined> => {
    if (!current?.last) return undefined;
    const { rows } = await db.query<{ revision: string; head_hash: Buffer }>(
      `SELECT revision::text AS revision, head_hash FROM ${STREAMS} WHERE stream_id = $1`,
      [current.streamId],
    );
    const head = rows[0];
    if (head && head.revision === current.last.revision && head.head_hash.equals(current.hash)) return undefined;
    return broken(current.last, head ? head.head_hash : Buffer.alloc(0), current.last.hash);
  };
  const broken = (row: ChainRow, expected: Buffer, stored: Buffer): VerifyReport => ({
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
  });

  for (;;) {
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
    const { rows } = await db.query<ChainRow>(
      `SELECT position::text AS position, event_id::text AS event_id, stream_id, revision::text AS revision,
              type, data, metadata, recorded_at, hash
         FROM ${EVENTS} e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.stream_id, e.revision LIMIT ${PAGE}`,
      values,
    );
    for (const row of rows) {
      if (!current || current.streamId !== row.stream_id) {
        const headBroken = await checkHead();
        if (headBroken) return headBroken;
        if (current) heads[current.streamId] = current.hash.toString('hex');
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
      if (!expected.equals(row.hash)) return broken(row, expected, row.hash);
      events += 1;
      current = { streamId: row.stream_id, revision, hash: row.hash, last: row };
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1];
    after = [last.stream_id, last.revision];
  }
  const headBroken = await checkHead();
  if (headBroken) return headBroken;
  if (current) heads[current.streamId] = current.hash.toString('hex');
  return { ok: true, streams, events, heads };
}
