import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import type { BatchHandler, RecordedEvent, SubscribeOptions, Subscription } from '../event-store';
import { isSystemEvent, matchesPrefixes, toEsdbPosition, toRecordedEvent, toStreamFilter } from './mapping';

const DEFAULT_BATCH_SIZE = 100;

export interface EventStoreDbSubscribeOptions extends SubscribeOptions {
  /** Called once if the handler or the server connection fails; the subscription has stopped by then. */
  onError?: (error: unknown) => void;
}

/**
 * Catch-up subscription on $all, filtered on the server by stream prefix.
 *
 * Late commits cannot be skipped here: EventStoreDB has a single writer and $all is the order of
 * its log, so a position is only ever handed out after every smaller one is readable.
 *
 * `caughtUp` follows the server's caught-up message (EventStoreDB >= 23.10, client >= 6.1). That
 * message arrives in order with the events, so when it does we count how many events came before
 * it (taken off the client's stream plus those still buffered in it) and resolve once the handler
 * has been through that many: caught up means handled, not merely received.
 *
 * Events are taken off the client's stream as they arrive and handed over in batches of up to
 * `batchSize` (whatever is queued, so batches are full while catching up and small once live). The
 * client's stream is paused while the queue is long, which pushes back on the server.
 *
 * Errors are not swallowed (as in the PostgreSQL adapter): a failing handler or a dropped
 * subscription stops it, `caughtUp` rejects if still pending, `stop()` rejects with the error and
 * `onError` is called (without one the error is logged, so a dead projector is never silent).
 * There is no automatic resubscribe; the owner restarts from its checkpoint.
 */
export function subscribeToAll(
  client: EventStoreDBClient,
  handler: BatchHandler,
  options: EventStoreDbSubscribeOptions = {},
  /** Checks that must pass before the first batch (server version, checkpoint); events queue meanwhile. */
  ready: Promise<void> = Promise.resolve(),
): Subscription {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const highWater = batchSize * 4;
  const prefixes = options.streamPrefixes;
  let lastHandled = options.fromPosition;

  const queue: AllStreamResolvedEvent[] = [];
  let received = 0;
  let consumed = 0;
  let caughtUpAfter: number | undefined;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  let markCaughtUp!: () => void;
  let failCaughtUp!: (error: unknown) => void;
  let caughtUpSettled = false;
  const caughtUp = new Promise<void>((resolve, reject) => {
    markCaughtUp = () => {
      caughtUpSettled = true;
      resolve();
    };
    failCaughtUp = (error) => {
      caughtUpSettled = true;
      reject(error);
    };
  });
  // Nobody has to await caughtUp; a stop before it would otherwise be an unhandled rejection.
  caughtUp.catch(() => undefined);

  const subscription = client.subscribeToAll({
    fromPosition: toEsdbPosition(options.fromPosition),
    filter: toStreamFilter(prefixes),
  });

  const fail = (error: unknown) => {
    if (stopped) return;
    stopped = true;
    failure = { error };
    if (!caughtUpSettled) failCaughtUp(error);
    signal();
    void subscription.unsubscribe().catch(() => undefined);
    if (options.onError) options.onError(error);
    else console.error('EventStoreDB subscription stopped:', error);
  };

  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    queue.push(resolved);
    received += 1;
    if (queue.length >= highWater) subscription.pause();
    signal();
  });
  subscription.once('caughtUp', () => {
    caughtUpAfter = received + subscription.readableLength;
    signal();
  });
  subscription.on('error', fail);
  subscription.on('end', () => fail(new Error('the server ended the subscription')));

  const toBatch = (taken: AllStreamResolvedEvent[]): RecordedEvent[] => {
    const batch: RecordedEvent[] = [];
    for (const resolved of taken) {
      if (!resolved.event) continue;
      const event = toRecordedEvent(resolved.event);
      // Exclusive checkpoint whichever way the server treats the start position.
      if (lastHandled !== undefined && event.position <= lastHandled) continue;
      if (isSystemEvent(event) || !matchesPrefixes(event.streamId, prefixes)) continue;
      batch.push(event);
    }
    return batch;
  };

  const pump = (async () => {
    try {
      await ready;
    } catch (error) {
      fail(error);
      return;
    }
    while (!stopped) {
      if (!caughtUpSettled && caughtUpAfter !== undefined && consumed >= caughtUpAfter) markCaughtUp();
      if (queue.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const taken = queue.splice(0, batchSize);
      if (subscription.isPaused() && queue.length < batchSize) subscription.resume();
      try {
        const batch = toBatch(taken);
        if (batch.length > 0) {
          await handler(batch);
          lastHandled = batch[batch.length - 1]!.position;
        }
      } catch (error) {
        fail(error);
        return;
      }
      consumed += taken.length;
    }
  })();

  return {
    caughtUp,
    async stop() {
      if (!stopped) {
        stopped = true;
        if (!caughtUpSettled) failCaughtUp(new Error('subscription stopped before it caught up'));
        signal();
        await subscription.unsubscribe().catch(() => undefined);
      }
      subscription.destroy();
      await pump;
      if (failure) throw failure.error;
    },
  };
}
