import { InvalidEventError } from './errors';
import type { EventMetadata, EventToAppend } from './event-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a store keeps of a value: JSON.stringify drops undefined members, calls toJSON (Dates become
 * strings) and turns -0 into 0; undefined itself becomes null. Hashing and sending this form, not
 * the caller's object, keeps verify stable and keeps a bigint from reaching a client that would
 * throw where no promise catches it.
 */
function storedJson(value: unknown): { ok: true; json: unknown } | { ok: false; reason: string } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value ?? null);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  // A function or symbol at the top: stringify gives undefined.
  if (text === undefined) return { ok: false, reason: `${typeof value} is not JSON` };
  return { ok: true, json: JSON.parse(text) };
}

/** One event as the store keeps it, or InvalidEventError; `index` names it in the message. */
export function toStoredEvent(streamId: string, event: EventToAppend, index: number): EventToAppend<string, unknown> {
  const fail = (reason: string) => new InvalidEventError(streamId, index, reason);
  if (typeof event.id !== 'string' || !UUID.test(event.id)) throw fail('id must be a uuid');
  if (typeof event.type !== 'string' || event.type.length === 0) throw fail('type must be a non-empty string');
  const data = storedJson(event.data);
  if (!data.ok) throw fail(`data is not JSON: ${data.reason}`);
  const metadata = storedJson(event.metadata ?? {});
  if (!metadata.ok) throw fail(`metadata is not JSON: ${metadata.reason}`);
  const meta = metadata.json;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw fail('metadata must be an object');
  return { id: event.id, type: event.type, data: data.json, metadata: meta as EventMetadata };
}

export function toStoredEvents(streamId: string, events: readonly EventToAppend[]): EventToAppend[] {
  return events.map((event, index) => toStoredEvent(streamId, event, index));
}
