import { Client } from 'pg';
import type { RecordedEvent } from '../event-store';
import { newEvents, sleep, uniqueStream, waitFor } from '../contract/support';
import { appendWithin } from './append';
import { migratedStore } from './test-store';

/**
 * The reason for the (transaction_id, position) order: a transaction that took a lower position
 * commits after later ones. A reader keyed on position alone would have moved past it for good.
 */
describe('PostgreSQL event store: a transaction held open', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  let held: Client;
  beforeAll(async () => {
    subject = await migratedStore('event_store_open_tx');
    held = new Client({ connectionString: subject.db.url });
    await held.connect();
  });
  afterAll(async () => {
    await held.end();
    await subject.dispose();
  });

  it('a subscriber running throughout sees every event exactly once, in the global order, none skipped', async () => {
    const { store } = subject;
    const tag = uniqueStream('hold');
    const seen: RecordedEvent[] = [];
    const early = newEvents(2);
    await store.append(`${tag}-early`, early, { expectedRevision: 'no_stream' });

    const sub = store.subscribe(async (events) => void seen.push(...events), { streamPrefixes: [`${tag}-`], batchSize: 3, pollIntervalMs: 20 });
    await sub.caughtUp;
    expect(seen.map((e) => e.id)).toEqual(early.map((e) => e.id));

    await held.query('BEGIN');
    const heldEvent = newEvents(1);
    const heldResult = await appendWithin(held, `${tag}-held`, heldEvent, 'no_stream');

    const later: string[] = [];
    for (let i = 0; i < 5; i++) {
      const events = newEvents(1);
      const result = await store.append(`${tag}-later-${i}`, events, { expectedRevision: 'no_stream' });
      // The later events took higher positions but committed first.
      expect(result.position).toBeGreaterThan(heldResult.position);
      later.push(events[0].id);
    }
    await sleep(300);
    expect(seen.map((e) => e.id)).toEqual(early.map((e) => e.id));
    expect(await store.readAll({ streamPrefixes: [`${tag}-`] })).toHaveLength(2);

    await held.query('COMMIT');
    await waitFor(() => seen.length >= 8, 10_000, 'events after the commit');
    await sleep(100);
    await sub.stop();

    const expected = [...early.map((e) => e.id), heldEvent[0].id, ...later];
    expect(seen.map((e) => e.id)).toEqual(expected);
    const all = await store.readAll({ streamPrefixes: [`${tag}-`] });
    expect(all.map((e) => e.id)).toEqual(expected);

    // Resuming from the checkpoint of the held event yields exactly the later ones.
    const resumed = await store.readAll({ fromPosition: heldResult.position, streamPrefixes: [`${tag}-`] });
    expect(resumed.map((e) => e.id)).toEqual(later);
    expect(await store.headPosition()).toBe(all[all.length - 1].position);
  });
});
