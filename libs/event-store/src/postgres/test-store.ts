import { migrateEventStore } from './migrate';
import { PostgresEventStore } from './postgres-event-store';

interface Database {
  url: string;
  drop(): Promise<void>;
}

/**
 * A migrated store on a fresh database, for the PostgreSQL-only specs. The spec passes
 * `createTestDatabase` in, so this file (which the build compiles) does not pull in @app/testing.
 */
export async function migratedStore(
  createDatabase: (prefix: string) => Promise<Database>,
  prefix: string,
): Promise<{ db: Database; store: PostgresEventStore; dispose(): Promise<void> }> {
  const db = await createDatabase(prefix);
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
