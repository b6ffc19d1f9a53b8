import { chainHash } from '@app/event-store';
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

/**
 * "Nothing altered since": checks an earlier export's chain heads against this export. Because each
 * hash covers everything before it in its stream, a head that reappears unchanged at its revision
 * proves every event of the stream up to it is exactly as it was exported then. Returns every
 * stream where that fails (German), empty when all earlier heads hold.
 */
export function earlierHeadsMismatches(lines: readonly ExportLine[], earlier: Record<string, ChainHead>): string[] {
  const wanted = new Map(Object.entries(earlier).map(([streamId, head]) => [streamId, head]));
  const chains = new Map<string, { revision: bigint; hash: Buffer }>();
  const found = new Map<string, string>();
  for (const line of lines) {
    const head = wanted.get(line.streamId);
    if (!head || found.has(line.streamId)) continue;
    const event = recordedOf(line);
    const previous = chains.get(line.streamId);
    const hash = chainHash(previous?.hash ?? Buffer.alloc(0), {
      streamId: event.streamId,
      revision: previous ? previous.revision + 1n : 0n,
      eventId: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt,
    });
    chains.set(line.streamId, { revision: previous ? previous.revision + 1n : 0n, hash });
    if (event.revision.toString() === head.revision) found.set(line.streamId, hash.toString('hex'));
  }
  const problems: string[] = [];
  for (const [streamId, head] of [...wanted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const now = found.get(streamId);
    if (now === undefined) problems.push(`${streamId}: Revision ${head.revision} fehlt in dieser Ausfuhr.`);
    else if (now !== head.hash.toLowerCase()) problems.push(`${streamId}: bis Revision ${head.revision} verändert (Kettenhash jetzt ${now}, früher ${head.hash}).`);
  }
  return problems;
}

/**
 * Each line's hash as its content demands (the chain recomputed in line order, each line on the one
 * before it in its stream), whatever hash the line itself carries: an event edited without
 * recomputing its stored hash shows here as changed.
 */
export function contentHashes(lines: readonly ExportLine[]): string[] {
  const previous = new Map<string, Buffer>();
  return lines.map((line) => {
    const event = recordedOf(line);
    const hash = chainHash(previous.get(line.streamId) ?? Buffer.alloc(0), {
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt,
    });
    previous.set(line.streamId, hash);
    return hash.toString('hex');
  });
}
