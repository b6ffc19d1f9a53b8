import { createTestDatabase } from '@app/testing';
import { Client } from 'pg';
import type { RecordedEvent } from '../event-store';
import { newEvents, sleep, uniqueStream, waitFor } from '../contract/support';
import { appendWithin } from './append';
import { PostgresEventStore } from './postgres-event-store';
import { migratedStore } from './test-store';

/**
 * The reason for the (transaction_id, position) order: a transaction that took a lower position
 * commits after later ones. A reader keyed on position alone would have moved past it for good.
 */
describe('PostgreSQL event store: a transaction held open', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  let held: Client;
  beforeAll(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_open_tx');
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

describe('PostgreSQL event store: subscribers in another process', () => {
  it('wake on the NOTIFY sent after an append commits, well before the idle poll', async () => {
    const writer = await migratedStore(createTestDatabase, 'event_store_notify');
    const reader = new PostgresEventStore({ url: writer.db.url });
    try {
      const seenAt: number[] = [];
      const sub = reader.subscribe(async (events) => void seenAt.push(...events.map(() => Date.now())), { pollIntervalMs: 60_000 });
      await sub.caughtUp;
      await sleep(200); // let the LISTEN connection come up
      const sentAt = Date.now();
      await writer.store.append(uniqueStream(), newEvents(1), { expectedRevision: 'no_stream' });
      await waitFor(() => seenAt.length === 1, 5_000, 'notified subscriber');
      expect(seenAt[0] - sentAt).toBeLessThan(2_000);
      await sub.stop();
    } finally {
      await reader.close();
      await writer.dispose();
    }
  });
});

describe('PostgreSQL event store: a transaction held open in another database', () => {
  it('does not hold readers back: it cannot write this event table', async () => {
    const subject = await migratedStore(createTestDatabase, 'event_store_other_db_reader');
    const other = await createTestDatabase('event_store_other_db_writer');
    const client = new Client({ connectionString: other.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      const events = newEvents(2);
      await subject.store.append(uniqueStream(), events, { expectedRevision: 'no_stream' });
      expect((await subject.store.readAll()).map((e) => e.id)).toEqual(events.map((e) => e.id));
      await client.query('ROLLBACK');
    } finally {
      await client.end();
      await other.drop();
      await subject.dispose();
    }
  });
});
