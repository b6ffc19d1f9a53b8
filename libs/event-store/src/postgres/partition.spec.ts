import { createTestDatabase } from '@app/testing';
import type { RecordedEvent, StreamPartition } from '../event-store';
import { newEvents } from '../contract/support';
import { migratedStore } from './test-store';

/** A rebuild's parts: each reads whole streams of its own, the shared ones too, all up to one cut. */
describe('PostgreSQL event store: the log read in parts', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  const streams = [...Array.from({ length: 40 }, (_, i) => `item-${i}`), 'dir-a', 'dir-b'];

  beforeAll(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_parts');
    // Interleaved, so that every part's events are scattered over the global order.
    for (let round = 0; round < 3; round++) {
      for (const stream of streams) {
        await subject.store.append(stream, newEvents(1 + (round % 2)), { expectedRevision: round === 0 ? 'no_stream' : 'stream_exists' });
      }
    }
  });
  afterAll(() => subject.dispose());

  async function readPart(partition: StreamPartition, untilPosition: bigint, batchSize = 7): Promise<RecordedEvent[]> {
    const seen: RecordedEvent[] = [];
    const sub = subject.store.subscribePartition(async (events) => void seen.push(...events), { partition, untilPosition, batchSize });
    await sub.caughtUp;
    await sub.stop();
    return seen;
  }

  it('gives each stream to exactly one part, whole and in global order, and the shared streams to every part', async () => {
    const all = await subject.store.readAll({ limit: 10_000 });
    const head = (await subject.store.headPosition())!;
    const parts = await Promise.all([0, 1, 2].map((index) => readPart({ index, count: 3, sharedPrefixes: ['dir-'] }, head)));

    const order = new Map(all.map((e, i) => [e.id, i]));
    for (const part of parts) {
      const places = part.map((e) => order.get(e.id)!);
      expect(places).toEqual([...places].sort((a, b) => a - b));
      expect(part.filter((e) => e.streamId.startsWith('dir-')).map((e) => e.id)).toEqual(all.filter((e) => e.streamId.startsWith('dir-')).map((e) => e.id));
    }
    const own = parts.map((part) => part.filter((e) => !e.streamId.startsWith('dir-')));
    expect(own.flat().map((e) => e.id).sort()).toEqual(all.filter((e) => !e.streamId.startsWith('dir-')).map((e) => e.id).sort());
    for (const stream of streams.filter((s) => s.startsWith('item-'))) {
      expect(own.filter((part) => part.some((e) => e.streamId === stream))).toHaveLength(1);
    }
    // Forty streams over three parts: none is left empty.
    for (const part of own) expect(part.length).toBeGreaterThan(0);
  });

  it('ends at the cut, leaving events appended later for later', async () => {
    const head = (await subject.store.headPosition())!;
    const later = newEvents(2);
    await subject.store.append('item-0', later, { expectedRevision: 'stream_exists' });
    await subject.store.append('dir-a', newEvents(1), { expectedRevision: 'stream_exists' });
    const whole = await readPart({ index: 0, count: 1, sharedPrefixes: [] }, head, 5);
    expect(whole.at(-1)?.position).toBe(head);
    expect(whole.map((e) => e.id)).not.toContain(later[0].id);
    expect(whole).toHaveLength((await subject.store.readAll({ limit: 10_000 })).length - 3);
  });
});
