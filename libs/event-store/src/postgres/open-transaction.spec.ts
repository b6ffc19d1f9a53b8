import { createTestDatabase } from '@app/testing';
import { Client } from 'pg';
import type { RecordedEvent } from '../event-store';
import { newEvents, sleep, uniqueStream, waitFor } from '../contract/support';
import { appendWithin } from './append';
import { PostgresEventStore } from './postgres-event-store';
import { APPENDED_CHANNEL } from './schema';
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
      // The reader's LISTEN connection is up once the server shows it listening.
      await listening(writer.db.url);
      await writer.store.append(uniqueStream(), newEvents(1), { expectedRevision: 'no_stream' });
      // Only the notification can wake it this soon: its poll interval is a minute.
      await waitFor(() => seenAt.length === 1, 30_000, 'notified subscriber');
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

/** Waits until a session on the database of `url` has run its LISTEN (the reader's wake-up connection). */
async function listening(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    for (const until = Date.now() + 30_000; ; ) {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle' AND query = $1`,
        [`LISTEN ${APPENDED_CHANNEL}`],
      );
      if (rows[0].n > 0) return;
      if (Date.now() > until) throw new Error('the reader never started listening');
      await sleep(20);
    }
  } finally {
    await c.end();
  }
}
