import { createTestDatabase, type TestDatabase } from '@app/testing';
import { migrateEventStore } from './migrate';
import { PostgresEventStore } from './postgres-event-store';

/** A migrated store on a fresh database, for the PostgreSQL-only specs. */
export async function migratedStore(prefix: string): Promise<{ db: TestDatabase; store: PostgresEventStore; dispose(): Promise<void> }> {
  const db = await createTestDatabase(prefix);
  await migrateEventStore(db.url);
  const store = new PostgresEventStore({ url: db.url });
  return {
    db,
    store,
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
}
