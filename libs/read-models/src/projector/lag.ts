import type { EventStore } from '@app/event-store';
import { READ_MODEL_SCHEMA } from '../tables/schema';
import { readCheckpoint } from './checkpoint';
import type { Queryable } from './queryable';

export interface ProjectorLag {
  /** Events in the log after the checkpoint, counted up to `cap` (then `cap`, and `capped` is true). */
  events: number;
  capped: boolean;
  position: bigint | undefined;
  head: bigint | undefined;
}

/**
 * Lag of the read models behind the log, from the stored checkpoint, so it is right whichever
 * process projects. Positions are opaque (EventStoreDB's are byte offsets), so the events are
 * counted, not subtracted; when caught up that costs one head lookup.
 */
export async function projectorLag(store: Pick<EventStore, 'headPosition' | 'readAll'>, db: Queryable, options: { cap?: number; schema?: string } = {}): Promise<ProjectorLag> {
  const cap = options.cap ?? 10_000;
  const { position } = await readCheckpoint(db, options.schema ?? READ_MODEL_SCHEMA);
  const head = await store.headPosition();
  if (head === undefined || head === position) return { events: 0, capped: false, position, head };
  const behind = await store.readAll({ fromPosition: position, limit: cap });
  return { events: behind.length, capped: behind.length >= cap, position, head };
}
