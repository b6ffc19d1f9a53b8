import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { streamIdOf } from '@app/domain';
import { chainHash, isVerifiable, type EventStore, type RecordedEvent } from '@app/event-store';
// The PostgreSQL adapter's own read pieces: the audit's fast path reads one region in the store's global order.
import { VISIBLE } from '@app/event-store/postgres/read-all';
import { EVENT_COLUMNS_WITH_HASH, toRecordedEvent, type EventRowWithHash } from '@app/event-store/postgres/rows';
import { ProblemException } from '../http/problem.exception';
import { EVENT_STORE, PG_POOL } from '../infrastructure/tokens';
import { recomputeChains } from './offline/chains';
import { toExportLine } from './offline/export-format';
import { regionEventsOf } from './offline/region-events';
import type { ChainVerification } from './verify/verify-region';

const PAGE = 2000;

export const regionUnknown = (regionId: string) =>
  ProblemException.of(404, 'Diese Bildungsregion ist nicht bekannt.', { code: 'region.unknown', details: { regionId } });

export const positionUnknown = (position: string) =>
  ProblemException.of(400, `Die Position ${position} ist keine Position des Ereignisprotokolls.`, {
    code: 'audit.unknown-position',
    errors: [{ field: 'toPosition', message: 'toPosition muss die Position eines gespeicherten Ereignisses sein.' }],
  });

/** A region's events in global order, each with its chain hash (hex). */
export interface RegionLog {
  events: RecordedEvent[];
  hashes: Map<string, string>;
}

/**
 * Reads what an audit needs straight from the event store, never from the read models: a region's
 * events in global order (optionally up to a position) and their stored chain hashes.
 *
 * PostgreSQL: one query for the region's streams (those whose revision-0 event names the region,
 * the rule of regionEventsOf) in the store's global order (transaction id, position) below its
 * visibility horizon, hashes included: a region of 14,000 events in a log of 100,000 reads in a
 * fraction of the time a walk over `readAll` takes. Any other store: `readAll`, filtered here, and
 * hashes computed with the chain function (such a store keeps no chain of its own).
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
    return (await this.regionLog(regionId, toPosition)).events;
  }

  async regionLog(regionId: string, toPosition?: bigint): Promise<RegionLog> {
    if (isVerifiable(this.store)) return this.regionLogSql(regionId, toPosition);
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
    const events = regionEventsOf(all, regionId);
    return { events, hashes: computedHashes(events) };
  }

  private async regionLogSql(regionId: string, toPosition?: bigint): Promise<RegionLog> {
    const values: unknown[] = [regionId];
    let upTo = '';
    if (toPosition !== undefined) {
      const { rows } = await this.pool.query<{ transaction_id: string }>(
        `SELECT transaction_id::text AS transaction_id FROM event_store.events WHERE position = $1 AND ${VISIBLE}`,
        [toPosition.toString()],
      );
      if (rows.length === 0) throw positionUnknown(toPosition.toString());
      values.push(rows[0].transaction_id, toPosition.toString());
      upTo = `AND (e.transaction_id, e.position) <= ($2::xid8, $3::bigint)`;
    }
    const { rows } = await this.pool.query<EventRowWithHash>(
      `SELECT ${EVENT_COLUMNS_WITH_HASH} FROM event_store.events e
        WHERE e.stream_id IN (SELECT s.stream_id FROM event_store.events s WHERE s.revision = 0 AND s.data->>'regionId' = $1)
          AND ${VISIBLE} ${upTo}
        ORDER BY e.transaction_id, e.position`,
      values,
    );
    return { events: rows.map(toRecordedEvent), hashes: new Map(rows.map((r) => [r.event_id, r.hash.toString('hex')])) };
  }

  /**
   * Every chain of the region recomputed from the stored rows, and each stream's head compared, in
   * one REPEATABLE READ snapshot (three queries, however many streams): the store's own `verify`
   * per stream costs two round trips each. Same rule and same report as the store's verify, and as
   * the offline replay (recomputeChains): the first broken event in (stream, revision) order.
   * PostgreSQL only; undefined for another store.
   */
  async regionChains(regionId: string): Promise<ChainVerification | undefined> {
    if (!isVerifiable(this.store)) return undefined;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<EventRowWithHash>(
        `SELECT ${EVENT_COLUMNS_WITH_HASH} FROM event_store.events e
          WHERE e.stream_id IN (SELECT s.stream_id FROM event_store.events s WHERE s.revision = 0 AND s.data->>'regionId' = $1)
          ORDER BY e.stream_id, e.revision`,
        [regionId],
      );
      const streams = [...new Set(rows.map((r) => r.stream_id))];
      const heads = await client.query<{ stream_id: string; revision: string; head_hash: Buffer }>(
        `SELECT stream_id, revision::text AS revision, head_hash FROM event_store.streams WHERE stream_id = ANY($1::text[])`,
        [streams],
      );
      await client.query('COMMIT');
      const lines = rows.map((r) => toExportLine(toRecordedEvent(r), r.hash.toString('hex')));
      const report = recomputeChains(lines);
      if (!report.ok) {
        const b = report.firstBroken;
        return { ok: false, streams: report.streams, events: report.events, firstBroken: { streamId: b.streamId, revision: b.revision, eventId: b.eventId, position: b.position, expectedHash: b.expectedHash, storedHash: b.storedHash } };
      }
      const stored = new Map(heads.rows.map((h) => [h.stream_id, h]));
      for (const streamId of streams) {
        const head = stored.get(streamId);
        const mine = report.heads[streamId];
        if (head && head.revision === mine.revision && head.head_hash.toString('hex') === mine.hash) continue;
        // A head that does not match its last event (a last event removed, or the head edited): reported on that event.
        const last = lines.filter((l) => l.streamId === streamId).at(-1)!;
        return {
          ok: false,
          streams: report.streams,
          events: report.events,
          firstBroken: { streamId, revision: last.revision, eventId: last.eventId, position: last.position, expectedHash: head ? head.head_hash.toString('hex') : '', storedHash: last.hash },
        };
      }
      return { ok: true, streams: report.streams, events: report.events };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Stored chain hashes (hex) by event id, for a few events (one stream, one page). */
  async hashesOf(events: readonly RecordedEvent[]): Promise<Map<string, string>> {
    if (!isVerifiable(this.store)) return computedHashes(events);
    const hashes = new Map<string, string>();
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
}

/** The chain a store without one would have: same function, per stream from revision 0 (`events` must hold whole streams). */
function computedHashes(events: readonly RecordedEvent[]): Map<string, string> {
  const hashes = new Map<string, string>();
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
