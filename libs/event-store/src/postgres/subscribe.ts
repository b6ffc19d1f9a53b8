import type { BatchHandler, SubscribeOptions, Subscription } from '../event-store';
import type { Queryable } from './queryable';
import { cursorOf, readPage, type Cursor, type Page } from './read-all';
import { eventRowReader } from './rows';

export interface PostgresSubscribeOptions extends SubscribeOptions {
  /** Called once if the handler (or a read) fails; the subscription has stopped by then. */
  onError?: (error: unknown) => void;
  /** Idle poll interval in ms when no wake-up arrives (other processes without NOTIFY, held transactions). */
  pollIntervalMs?: number;
}

export interface WakeUps {
  /** Registers a listener for "something was appended"; returns the unregister function. */
  onAppended(listener: () => void): () => void;
}

/**
 * Catch-up, then live, on the same loop: read a page after the cursor, hand it over, repeat (during
 * catch-up the next page is read while the handler works); when a page comes back short the
 * subscriber has caught up and then waits for a wake-up (an append in this process or a NOTIFY
 * from another) or the poll interval.
 *
 * Errors are not swallowed: a failing handler stops the loop; `caughtUp` rejects if it had not
 * resolved yet, `stop()` rejects with the error, and `onError` (if given) is called.
 */
export function subscribe(db: Queryable, wakeUps: WakeUps, handler: BatchHandler, options: PostgresSubscribeOptions = {}): Subscription {
  // First, so a key that cannot be read fails the call before anything is set up.
  const pageOptions = { streamPrefixes: options.streamPrefixes, reader: eventRowReader(options.metadataKeys) };
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  let pending = false;
  const unlisten = wakeUps.onAppended(() => {
    pending = true;
    wake?.();
  });

  let markCaughtUp!: () => void;
  let failCaughtUp!: (e: unknown) => void;
  const caughtUp = new Promise<void>((resolve, reject) => {
    markCaughtUp = resolve;
    failCaughtUp = reject;
  });
  // Rejection is reported through stop()/onError as well; do not crash the process if nobody awaits caughtUp.
  caughtUp.catch(() => undefined);

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pending || stopped) return resolve();
      const timer = setTimeout(done, pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const read = (cursor: Cursor | undefined) => readPage(db, cursor, batchSize, pageOptions);

  const loop = (async () => {
    let next: Promise<Page> | undefined;
    let cursor: Cursor | undefined = await cursorOf(db, options.fromPosition);
    try {
      while (!stopped) {
        if (!next) pending = false;
        const page = await (next ?? read(cursor));
        next = undefined;
        cursor = page.cursor;
        // A full page means more is waiting: the server reads the next page while the handler works.
        if (page.events.length === batchSize) {
          pending = false;
          next = read(cursor);
        }
        if (page.events.length > 0) await handler(page.events);
        if (page.events.length < batchSize) {
          markCaughtUp();
          await sleep();
        }
      }
    } finally {
      next?.catch(() => undefined); // a read still running when the loop ends is not wanted
    }
  })().catch((error: unknown) => {
    failure = { error };
    stopped = true;
    unlisten();
    failCaughtUp(error);
    options.onError?.(error);
  });

  return {
    caughtUp,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      unlisten();
      if (failure) throw failure.error;
    },
  };
}
