import { loadConfig } from '@app/config';
import { PostgresEventStore } from '@app/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { openEventStore } from './event-store.module';

describe('choosing the event store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('event-store-module');
  });
  afterAll(() => db.drop());

  it('without EVENTSTORE_URL: PostgreSQL in the process database, schema migrated and usable', async () => {
    const store = await openEventStore(loadConfig({ LOG_LEVEL: 'error' }), db.url);
    try {
      expect(store).toBeInstanceOf(PostgresEventStore);
      await store.append('region-x', [{ id: '6f1c5a3e-4d2b-4c8a-9e7f-0b1d2c3e4f5a', type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
      expect(await store.streamRevision('region-x')).toBe(0n);
    } finally {
      await store.close();
    }
  });

  it('with EVENTSTORE_URL: the EventStoreDB adapter, which asks the server its version at start, so an unreachable one stops the start', async () => {
    // Port 1 on loopback: nothing listens; the error is the EventStoreDB client's, so that adapter was chosen.
    await expect(openEventStore(loadConfig({ LOG_LEVEL: 'error', EVENTSTORE_URL: 'esdb://127.0.0.1:1?tls=false' }), db.url)).rejects.toMatchObject({
      type: 'unavailable',
    });
  });
});
