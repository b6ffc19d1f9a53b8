import type { RecordedEvent } from '../event-store';

/**
 * Columns every read selects; `transaction_id` only matters to the global-order cursor. The record
 * time comes as epoch milliseconds (the microseconds cut off, as the driver's own parsing of the
 * timestamp would), which is far cheaper to turn into a Date than timestamp text.
 */
export const EVENT_COLUMNS = `position::text AS position, transaction_id::text AS transaction_id, event_id::text AS event_id,
  stream_id, revision::text AS revision, type, data, metadata, floor(extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms`;
/** The same with the chain hash, for readers that show or check it (a replay has no use for it). */
export const EVENT_COLUMNS_WITH_HASH = `${EVENT_COLUMNS}, hash`;

export interface EventRow {
  position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_ms: number;
}

export interface EventRowWithHash extends EventRow {
  hash: Buffer;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_ms),
  };
}
