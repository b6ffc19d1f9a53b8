import { DataSource } from 'typeorm';
import { CreateEventStore1763900000000 } from './migrations/1763900000000-create-event-store';

export const eventStoreMigrations = [CreateEventStore1763900000000];

/**
 * Brings the `event_store` schema up to date. Its own migrations table keeps it independent of the
 * read-model migrations, which may run, roll back or be rebuilt separately.
 */
export async function migrateEventStore(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: eventStoreMigrations,
    migrationsTableName: 'event_store_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
