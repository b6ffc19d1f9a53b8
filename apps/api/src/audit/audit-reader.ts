import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { streamIdOf } from '@app/domain';
import { chainHash, isVerifiable, type EventStore, type RecordedEvent } from '@app/event-store';
import { ProblemException } from '../http/problem.exception';
import { EVENT_STORE, PG_POOL } from '../infrastructure/tokens';
import { regionEventsOf } from './offline/region-events';

const PAGE = 2000;

export const regionUnknown = (regionId: string) =>
  ProblemException.of(404, 'Diese Bildungsregion ist nicht bekannt.', { code: 'region.unknown', details: { regionId } });

export const positionUnknown = (position: string) =>
  ProblemException.of(400, `Die Position ${position} ist keine Position des Ereignisprotokolls.`, {
    code: 'audit.unknown-position',
    errors: [{ field: 'toPosition', message: 'toPosition muss die Position eines gespeicherten Ereignisses sein.' }],
  });

/**
 * Reads what an audit needs straight from the event store, never from the read models: a region's
 * events in global order (optionally up to a position) and their stored chain hashes.
 */
@Injectable()
export class AuditReader {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(PG_POOL) readonly pool: Pool,
  ) {}

  /** 404 unless the region is registered. */
  async requireRegion(regionId: string): Promise<void> {
    const [registered] = await this.store.readStream(streamIdOf.region(regionId), { maxCount: 1 });
    if (!registered || (registered.data as { regionId?: string }).regionId !== regionId) throw regionUnknown(regionId);
  }

  /** The region's events in global order, through the event at `toPosition` (inclusive) if given. */
  async regionEvents(regionId: string, toPosition?: bigint): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    let fromPosition: bigint | undefined;
    let reached = toPosition === undefined;
    outer: for (;;) {
      const page = await this.store.readAll({ fromPosition, limit: PAGE });
      for (const event of page) {
        all.push(event);
        if (toPosition !== undefined && event.position === toPosition) {
          reached = true;
          break outer;
        }
      }
      if (page.length < PAGE) break;
      fromPosition = page.at(-1)!.position;
    }
    if (!reached) throw positionUnknown(String(toPosition));
    return regionEventsOf(all, regionId);
  }

  /**
   * Stored chain hashes (hex) by event id. The PostgreSQL store keeps them; a store without a chain
   * (EventStoreDB) gets them computed here with the same function, so an export always carries one.
   */
  async hashesOf(events: readonly RecordedEvent[]): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    if (isVerifiable(this.store)) {
      for (let i = 0; i < events.length; i += PAGE) {
        const ids = events.slice(i, i + PAGE).map((e) => e.id);
        const { rows } = await this.pool.query<{ id: string; hash: string }>(
          `SELECT event_id::text AS id, encode(hash, 'hex') AS hash FROM event_store.events WHERE event_id = ANY($1::uuid[])`,
          [ids],
        );
        for (const row of rows) hashes.set(row.id, row.hash);
      }
      return hashes;
    }
    const previous = new Map<string, Buffer>();
    for (const e of events) {
      const hash = chainHash(previous.get(e.streamId) ?? Buffer.alloc(0), {
        streamId: e.streamId,
        revision: e.revision,
        eventId: e.id,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        recordedAt: e.recordedAt,
      });
      previous.set(e.streamId, hash);
      hashes.set(e.id, hash.toString('hex'));
    }
    return hashes;
  }
}
