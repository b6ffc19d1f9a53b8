import { createTestDatabase } from '@app/testing';
import { newEvents, uniqueStream } from '../contract/support';
import { PostgresEventStore } from './postgres-event-store';
import { migratedStore } from './test-store';

/**
 * Two stores stand for two processes: each one's cache of stream heads goes stale whenever the other
 * writes, so their appends keep falling back from the one-statement path to the locking path.
 */
describe('PostgreSQL event store: two processes writing one stream', () => {
  it('keeps revisions 0..n-1 and an intact hash chain', async () => {
    const subject = await migratedStore(createTestDatabase, 'event_store_two_writers');
    const other = new PostgresEventStore({ url: subject.db.url });
    try {
      const id = uniqueStream();
      const ids: string[] = [];
      await Promise.all(
        [subject.store, other].flatMap((store) =>
          Array.from({ length: 8 }, async () => {
            for (let i = 0; i < 4; i++) {
              const events = newEvents(2);
              await store.append(id, events, { expectedRevision: 'any' });
              ids.push(...events.map((e) => e.id));
            }
          }),
        ),
      );
      const read = await subject.store.readStream(id);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 128 }, (_, i) => BigInt(i)));
      expect(read.map((e) => e.id).sort()).toEqual([...ids].sort());
      // Each append's two events stay adjacent.
      for (let r = 0; r < 128; r += 2) expect(ids.indexOf(read[r + 1].id)).toBe(ids.indexOf(read[r].id) + 1);
      for (let r = 1; r < 128; r++) expect(read[r].recordedAt.getTime()).toBeGreaterThanOrEqual(read[r - 1].recordedAt.getTime());
      expect(await subject.store.verify({ streamId: id })).toMatchObject({ ok: true, events: 128 });

      // A stale head with an expected revision that matched it is a WrongExpectedRevision, not a fork.
      await expect(subject.store.append(id, newEvents(1), { expectedRevision: 100n })).rejects.toMatchObject({ actual: 127n });
    } finally {
      await other.close();
      await subject.dispose();
    }
  });
});
