import { createTestDatabase } from '@app/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { migrateEventStore } from './migrate';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase('event_store_contract');
  await migrateEventStore(db.url);
  const store = new PostgresEventStore({ url: db.url, maxConnections: 12 });
  return {
    store,
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
});
