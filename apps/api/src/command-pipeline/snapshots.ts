import type { RegionId } from '@app/domain';

/**
 * An aggregate's state folded up to a revision, with what the command path asks of the events
 * behind it: the region (from the first event) and which event ids the stream holds (a retry's
 * derived ids are looked up there). A stream is append-only, so a snapshot never goes wrong, it
 * only falls behind; the reader brings it forward by the events after `revision`.
 */
export interface Snapshot<S> {
  revision: bigint;
  state: S;
  regionId: RegionId | undefined;
  /** Only ever added to (an id in it stands in the stream), so snapshots of one stream may share it. */
  eventIds: Set<string>;
}

/**
 * The snapshots of the streams commands touched last, in memory. Without them every command read
 * its stream whole and folded it again: the cost grew with the stream (a recommendation with a few
 * hundred events cost several times one with ten). Bounded by streams: the least recently used one
 * goes first.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, Snapshot<unknown>>();

  constructor(private readonly capacity = 1_000) {}

  get<S>(streamId: string): Snapshot<S> | undefined {
    const found = this.entries.get(streamId) as Snapshot<S> | undefined;
    if (found) {
      // Map order is insertion order: moving the entry to the end keeps the oldest first.
      this.entries.delete(streamId);
      this.entries.set(streamId, found);
    }
    return found;
  }

  /** Keeps `snapshot` unless a later one is held already (two loads of one stream may finish in either order). */
  put<S>(streamId: string, snapshot: Snapshot<S>): void {
    const held = this.entries.get(streamId);
    if (held && held.revision >= snapshot.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, snapshot);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
