import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '../event-store';

/** Gives the cases the store once the suite's beforeAll has run. */
export type GetStore = () => EventStore;

/** Unique per call, so cases never see each other's streams on a shared server. */
export function uniqueStream(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

export function newEvents(count: number, type = 'TestEvent', data: (i: number) => unknown = (i) => ({ i })): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type, data: data(i), metadata: { n: i } }));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
