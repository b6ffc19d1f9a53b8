import { describe, expect, it } from '@jest/globals';
import { WrongExpectedRevisionError } from '../errors';
import { type GetStore, newEvents, uniqueStream } from './support';

export function concurrencyCases(store: GetStore): void {
  describe('concurrent writers on one stream', () => {
    it('20 writers with exact revisions, retrying on conflicts, leave revisions 0..n-1 without loss or duplicate', async () => {
      const id = uniqueStream();
      const writers = 20;
      const perWriter = 3;
      const written: string[] = [];
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: writers }, async () => {
          for (let i = 0; i < perWriter; i++) {
            const events = newEvents(1);
            for (;;) {
              const revision = await store().streamRevision(id);
              try {
                await store().append(id, events, { expectedRevision: revision ?? 'no_stream' });
                written.push(events[0].id);
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevisionError)) throw error;
                conflicts += 1;
              }
            }
          }
        }),
      );
      const read = await store().readStream(id);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => BigInt(i)));
      expect(new Set(read.map((e) => e.id)).size).toBe(writers * perWriter);
      expect([...read.map((e) => e.id)].sort()).toEqual([...written].sort());
      // The case only proves something if the writers really collided.
      expect(conflicts).toBeGreaterThan(0);
    });
  });
}
