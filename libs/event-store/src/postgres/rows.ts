import type { EventMetadata, RecordedEvent } from '../event-store';

/**
 * Columns every read selects but the metadata; `transaction_id` only matters to the global-order
 * cursor. The record time comes as epoch milliseconds (the microseconds cut off, as the driver's
 * own parsing of the timestamp would), which is far cheaper to turn into a Date than timestamp text.
 */
const COLUMNS_BUT_METADATA = `position::text AS position, transaction_id::text AS transaction_id, event_id::text AS event_id,
  stream_id, revision::text AS revision, type, data, floor(extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms`;
export const EVENT_COLUMNS = `${COLUMNS_BUT_METADATA}, metadata`;
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
  return withMetadata(row, row.metadata);
}

function withMetadata(row: EventRow, metadata: EventMetadata): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data: row.data,
    metadata,
    recordedAt: new Date(row.recorded_ms),
  };
}

/** Metadata keys are names in code, written into the query; anything else is refused. */
const METADATA_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface EventRowReader {
  columns: string;
  toRecordedEvent(row: EventRow): RecordedEvent;
}

/**
 * Columns and row conversion for a read that wants all metadata (no keys) or only the given keys.
 * The metadata is larger than most events' data, and a replay that reads two of its keys would
 * otherwise have the server print and this process parse all of it. Each key comes as a column of
 * its own; missing or null ones are left out.
 */
export function eventRowReader(metadataKeys?: readonly string[]): EventRowReader {
  if (metadataKeys === undefined) return { columns: EVENT_COLUMNS, toRecordedEvent };
  const keys = [...new Set(metadataKeys)];
  const bad = keys.find((key) => !METADATA_KEY.test(key));
  if (bad !== undefined) throw new Error(`Not a metadata key a read can select: ${JSON.stringify(bad)}`);
  const columns = [COLUMNS_BUT_METADATA, ...keys.map((key, i) => `metadata->'${key}' AS m${i}`)].join(', ');
  return {
    columns,
    toRecordedEvent(row) {
      const values = row as unknown as Record<string, unknown>;
      const metadata: EventMetadata = {};
      for (let i = 0; i < keys.length; i++) {
        const value = values[`m${i}`];
        if (value !== null && value !== undefined) metadata[keys[i]] = value;
      }
      return withMetadata(row, metadata);
    },
  };
}
