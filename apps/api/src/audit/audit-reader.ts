import { Inject, Injectable } from '@nestjs/common';
import { streamIdOf } from '@app/domain';
import { UnknownPositionError, type EventStore, type RecordedEvent } from '@app/event-store';
import { regionUnknown } from '../http/domain-problem';
import { ProblemException } from '../http/problem.exception';
import { EVENT_STORE } from '../infrastructure/tokens';
import { recomputeChains } from './offline/chains';
import { toExportLine } from './offline/export-format';
import type { ChainVerification } from './verify/verify-region';


export const positionUnknown = (position: string) =>
  ProblemException.of(400, `Die Position ${position} ist keine Position des Ereignisprotokolls.`, {
    code: 'audit.unknown-position',
    errors: [{ field: 'toPosition', message: 'toPosition muss die Position eines gespeicherten Ereignisses sein.' }],
  });

/** A region's events in global order, each with its chain hash (hex). */
export interface RegionLog {
  events: RecordedEvent[];
  hashes: ReadonlyMap<string, string>;
}

/** A region's streams: those whose first event names it (regionEventsOf's rule, and what an export holds). */
const regionStreams = (regionId: string) => ({ key: 'regionId', value: regionId });

/**
 * Reads what an audit needs straight from the event store, never from the read models, and only
 * through the port (readLog, readChains), so the pages and exports work with either adapter: a
 * region's events in global order (optionally up to a position) with their chain hashes, and the
 * chain data verify recomputes.
 */
@Injectable()
export class AuditReader {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  /** 404 unless the region is registered. */
  async requireRegion(regionId: string): Promise<void> {
    const [registered] = await this.store.readStream(streamIdOf.region(regionId), { maxCount: 1 });
    if (!registered || (registered.data as { regionId?: string }).regionId !== regionId) throw regionUnknown(regionId);
  }

  /** The region's events in global order, through the event at `toPosition` (inclusive) if given. */
  async regionEvents(regionId: string, toPosition?: bigint): Promise<RecordedEvent[]> {
    return (await this.read(regionId, toPosition, false)).events;
  }

  regionLog(regionId: string, toPosition?: bigint): Promise<RegionLog> {
    return this.read(regionId, toPosition, true);
  }

  private async read(regionId: string, toPosition: bigint | undefined, withHashes: boolean): Promise<RegionLog> {
    try {
      return await this.store.readLog({ streams: regionStreams(regionId), withHashes, ...(toPosition !== undefined ? { toPosition } : {}) });
    } catch (error) {
      if (error instanceof UnknownPositionError) throw positionUnknown(String(toPosition));
      throw error;
    }
  }

  /**
   * Every chain of the region recomputed from the stored events, and each stream's head compared,
   * from one read of the store (one snapshot in PostgreSQL). Same rule and same report as the
   * store's verify, and as the offline replay (recomputeChains): the first broken event in
   * (stream, revision) order. Undefined for a store that keeps no chain (nothing to check).
   */
  async regionChains(regionId: string): Promise<ChainVerification | undefined> {
    const chain = await this.store.readChains(regionStreams(regionId));
    if (!chain.kept) return undefined;
    const events = [...chain.events].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : Number(a.revision - b.revision)));
    const lines = events.map((e) => toExportLine(e, chain.hashes.get(e.id) ?? ''));
    const report = recomputeChains(lines);
    if (!report.ok) {
      const b = report.firstBroken;
      return { ok: false, streams: report.streams, events: report.events, firstBroken: { streamId: b.streamId, revision: b.revision, eventId: b.eventId, position: b.position, expectedHash: b.expectedHash, storedHash: b.storedHash } };
    }
    for (const streamId of Object.keys(report.heads).sort()) {
      const head = chain.heads.get(streamId);
      const mine = report.heads[streamId];
      if (head && head.revision.toString() === mine.revision && head.hash === mine.hash) continue;
      // A head that does not match its last event (a last event removed, or the head edited): reported on that event.
      const last = lines.filter((l) => l.streamId === streamId).at(-1)!;
      return {
        ok: false,
        streams: report.streams,
        events: report.events,
        firstBroken: { streamId, revision: last.revision, eventId: last.eventId, position: last.position, expectedHash: head ? head.hash : '', storedHash: last.hash },
      };
    }
    return { ok: true, streams: report.streams, events: report.events };
  }

  /** Chain hashes (hex) by event id, for the events of a few streams (one recommendation's page). */
  async hashesOf(events: readonly RecordedEvent[]): Promise<ReadonlyMap<string, string>> {
    const streamIds = [...new Set(events.map((e) => e.streamId))];
    return (await this.store.readLog({ streams: { streamIds }, withHashes: true })).hashes;
  }
}
