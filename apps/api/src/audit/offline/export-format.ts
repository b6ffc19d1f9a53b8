import type { RecordedEvent } from '@app/event-store';

/**
 * One line of the NDJSON audit export: an event exactly as stored, plus its stored chain hash.
 * Positions and revisions are decimal strings (they are bigints); `recordedAt` is the ISO instant
 * the chain hash covers. The key order is fixed so the same log always gives the same bytes.
 */
export interface ExportLine {
  position: string;
  streamId: string;
  revision: string;
  eventId: string;
  type: string;
  recordedAt: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** sha256(previous hash in the stream ‖ canonical event), hex; as stored by the event store. */
  hash: string;
}

export const EXPORT_FORMAT = 'empfehlungsradar-audit-export/1';
export const NDJSON_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8';

export function toExportLine(event: RecordedEvent, hash: string): ExportLine {
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision.toString(),
    eventId: event.id,
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
    hash,
  };
}

/** Each line one JSON object followed by "\n" (also after the last), UTF-8. */
export const ndjsonOf = (lines: readonly ExportLine[]): string => lines.map((line) => `${JSON.stringify(line)}\n`).join('');

export class ExportFormatError extends Error {}

const FIELDS: ReadonlyArray<keyof ExportLine> = ['position', 'streamId', 'revision', 'eventId', 'type', 'recordedAt', 'data', 'metadata', 'hash'];

/** Parses an export; a malformed line is an error naming its line number, never skipped. */
export function parseExport(text: string): ExportLine[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((raw, index) => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ExportFormatError(`Zeile ${index + 1} ist kein JSON.`);
    }
    const line = value as Partial<ExportLine> | null;
    const missing = FIELDS.filter((f) => line === null || typeof line !== 'object' || !(f in line));
    if (missing.length) throw new ExportFormatError(`Zeile ${index + 1}: es fehlen ${missing.join(', ')}.`);
    if (!/^\d+$/.test(String(line!.position)) || !/^\d+$/.test(String(line!.revision))) throw new ExportFormatError(`Zeile ${index + 1}: position/revision sind keine Zahlen.`);
    if (Number.isNaN(new Date(String(line!.recordedAt)).getTime())) throw new ExportFormatError(`Zeile ${index + 1}: recordedAt ist kein Zeitpunkt.`);
    return line as ExportLine;
  });
}

export function recordedOf(line: ExportLine): RecordedEvent {
  return {
    id: line.eventId,
    streamId: line.streamId,
    revision: BigInt(line.revision),
    position: BigInt(line.position),
    type: line.type,
    data: line.data,
    metadata: line.metadata,
    recordedAt: new Date(line.recordedAt),
  };
}
