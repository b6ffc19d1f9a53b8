import type { EventStore } from '@app/event-store';
import type { SimulatedAppend } from './simulate-history';

/**
 * Appends a simulated history through the event store, up to `concurrency` appends at once;
 * appends to one stream stay in order (each waits for the one before it).
 */
export async function appendAll(
  store: Pick<EventStore, 'append'>,
  appends: Iterable<SimulatedAppend>,
  options: { concurrency?: number; onAppended?: (events: number) => void } = {},
): Promise<number> {
  const concurrency = options.concurrency ?? 8;
  const lastOfStream = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  let events = 0;
  let failure: unknown;
  for (const append of appends) {
    if (failure) break;
    while (running.size >= concurrency) await Promise.race(running);
    const before = lastOfStream.get(append.streamId) ?? Promise.resolve();
    const done: Promise<void> = before
      .then(() => store.append(append.streamId, append.events, { expectedRevision: append.expectedRevision }))
      .then(() => {
        events += append.events.length;
        options.onAppended?.(events);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        running.delete(done);
        if (lastOfStream.get(append.streamId) === done) lastOfStream.delete(append.streamId);
      });
    lastOfStream.set(append.streamId, done);
    running.add(done);
  }
  await Promise.all(running);
  if (failure) throw failure;
  return events;
}
