import type { BatchHandler, EventStore, RecordedEvent, SubscribeOptions, Subscription } from '@app/event-store';

/**
 * The event store as a rebuild sees it, narrowed to the given events (one region's, in global
 * order): its subscription delivers exactly them and then reports caught up. Reads of single
 * streams go to the real store (the projection fetches earlier revisions it has not kept). Rows a
 * region's events produce do not depend on any other region's events, so replaying only them
 * rebuilds that region's rows exactly, in time proportional to the region, not to the whole log.
 */
export function replaySource(store: EventStore, events: readonly RecordedEvent[]): EventStore {
  return {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    streamRevision: (...args) => store.streamRevision(...args),
    readLog: (...args) => store.readLog(...args),
    readChains: (...args) => store.readChains(...args),
    readAll: async () => [...events],
    headPosition: async () => events.at(-1)?.position,
    close: async () => undefined,
    subscribe(handler: BatchHandler, options?: SubscribeOptions): Subscription {
      const size = options?.batchSize ?? 500;
      let stopped = false;
      const caughtUp = (async () => {
        for (let i = 0; i < events.length && !stopped; i += size) await handler(events.slice(i, i + size));
      })();
      caughtUp.catch((error: unknown) => options?.onError?.(error));
      return {
        caughtUp,
        async stop() {
          stopped = true;
          await caughtUp;
        },
      };
    },
  };
}
