import { chainHash } from '@app/event-store/postgres';
import { recordedOf, type ExportLine } from './export-format';

export interface ChainBreak {
  streamId: string;
  revision: string;
  eventId: string;
  position: string;
  /** What the chain says the hash must be, and what the line carries. */
  expectedHash: string;
  storedHash: string;
  reason: 'hash' | 'revision-gap';
}

export type ChainReport =
  | { ok: true; streams: number; events: number; heads: Record<string, ChainHead> }
  | { ok: false; streams: number; events: number; firstBroken: ChainBreak };

export interface ChainHead {
  revision: string;
  hash: string;
}

/**
 * Recomputes every stream's hash chain from the lines alone, with the event store's own function
 * (sha256(previous ‖ RFC 8785 canonical event), the first event's previous hash empty). Lines may
 * come in global order; each stream must start at revision 0 and have no gap. The first line whose
 * hash differs from the recomputed one (in file order) is reported.
 */
export function recomputeChains(lines: readonly ExportLine[]): ChainReport {
  const heads = new Map<string, { revision: bigint; hash: Buffer }>();
  let events = 0;
  for (const line of lines) {
    const event = recordedOf(line);
    const head = heads.get(event.streamId);
    const expectedRevision = head ? head.revision + 1n : 0n;
    const previous = head?.hash ?? Buffer.alloc(0);
    const expected = chainHash(previous, {
      streamId: event.streamId,
      revision: expectedRevision,
      eventId: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt,
    });
    const broken = (reason: ChainBreak['reason']): ChainReport => ({
      ok: false,
      streams: heads.size,
      events,
      firstBroken: {
        streamId: line.streamId,
        revision: line.revision,
        eventId: line.eventId,
        position: line.position,
        expectedHash: expected.toString('hex'),
        storedHash: line.hash,
        reason,
      },
    });
    if (event.revision !== expectedRevision) return broken('revision-gap');
    if (expected.toString('hex') !== line.hash.toLowerCase()) return broken('hash');
    heads.set(event.streamId, { revision: event.revision, hash: expected });
    events += 1;
  }
  const sorted = [...heads.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ok: true,
    streams: heads.size,
    events,
    heads: Object.fromEntries(sorted.map(([streamId, h]) => [streamId, { revision: h.revision.toString(), hash: h.hash.toString('hex') }])),
  };
}
