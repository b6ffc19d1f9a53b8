import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../event-store';
import { type GetStore, newEvents, sleep, uniqueStream, waitFor } from './support';

export function subscribeCases(store: GetStore): void {
  describe('subscribe', () => {
    it('resumes after a checkpoint without repeat or gap, catches up in batches, then goes live', async () => {
      const tag = uniqueStream('sub');
      const ids: string[] = [];
      const append = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const events = newEvents(1);
          await store().append(`${tag}-${i % 3}`, events, { expectedRevision: 'any' });
          ids.push(events[0].id);
        }
      };
      await append(7);
      const before = await store().readAll({ streamPrefixes: [`${tag}-`] });
      const checkpoint = before[2].position;

      const seen: RecordedEvent[] = [];
      const batches: number[] = [];
      const sub = store().subscribe(
        async (events) => {
          batches.push(events.length);
          seen.push(...events);
        },
        { fromPosition: checkpoint, streamPrefixes: [`${tag}-`], batchSize: 2 },
      );
      await sub.caughtUp;
      expect(seen.map((e) => e.id)).toEqual(ids.slice(3));
      expect(Math.max(...batches)).toBeLessThanOrEqual(2);

      await append(5);
      await waitFor(() => seen.length >= 9, 10_000, 'live events');
      await sleep(50);
      await sub.stop();
      expect(seen.map((e) => e.id)).toEqual(ids.slice(3));
    });

    it('delivers the metadata keys a subscriber names as stored (the others may be left out)', async () => {
      const tag = uniqueStream('meta');
      const actor = { userId: 'lk-1', role: 'steering', committeeIds: ['a', 'b'], onBehalfOf: 'Frau Ö' };
      const metadata = { actor, regionId: 'r-1', correlationId: 'c-1', nested: { deep: [1, 2] } };
      await store().append(`${tag}-1`, [{ ...newEvents(1)[0], metadata }], { expectedRevision: 'no_stream' });
      const seen: RecordedEvent[] = [];
      const sub = store().subscribe(
        async (events) => {
          seen.push(...events);
        },
        { streamPrefixes: [`${tag}-`], metadataKeys: ['actor', 'regionId'] },
      );
      await sub.caughtUp;
      await sub.stop();
      expect(seen).toHaveLength(1);
      expect(seen[0].metadata.actor).toEqual(actor);
      expect(seen[0].metadata.regionId).toBe('r-1');
    });

    it('stop waits for the batch in flight and no batch follows', async () => {
      const tag = uniqueStream('stop');
      await store().append(`${tag}-1`, newEvents(4), { expectedRevision: 'no_stream' });
      let running = 0;
      let finished = 0;
      let calls = 0;
      const sub = store().subscribe(
        async () => {
          calls += 1;
          running += 1;
          await sleep(150);
          running -= 1;
          finished += 1;
        },
        { streamPrefixes: [`${tag}-`], batchSize: 1 },
      );
      await waitFor(() => running === 1, 10_000, 'first batch');
      await sub.stop();
      expect(running).toBe(0);
      expect(finished).toBe(calls);
      await sleep(200);
      expect(calls).toBe(finished);
      expect(calls).toBeLessThan(4);
    });

    it('a failing handler stops the subscription and surfaces its error', async () => {
      const tag = uniqueStream('fail');
      await store().append(`${tag}-1`, newEvents(3), { expectedRevision: 'no_stream' });
      const boom = new Error('projection failed');
      let calls = 0;
      const sub = store().subscribe(
        async () => {
          calls += 1;
          throw boom;
        },
        { streamPrefixes: [`${tag}-`], batchSize: 1 },
      );
      await expect(sub.caughtUp).rejects.toBe(boom);
      await expect(sub.stop()).rejects.toBe(boom);
      await store().append(`${tag}-1`, newEvents(1), { expectedRevision: 'any' });
      await sleep(200);
      expect(calls).toBe(1);
    });
  });
}
