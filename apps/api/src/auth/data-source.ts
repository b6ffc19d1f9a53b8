import { DataSource } from 'typeorm';
import { AccountEntity, RegionSettingsEntity } from './account.entity';
import { CreateAuth1763910000000 } from './migrations/1763910000000-create-auth';

export const authEntities = [AccountEntity, RegionSettingsEntity];
export const authMigrations = [CreateAuth1763910000000];

/**
 * The accounts' own data source with its own migrations table, like the event store's, so the
 * read models can be dropped and rebuilt without touching logins.
 */
export function createAuthDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: authEntities,
    migrations: authMigrations,
    migrationsTableName: 'auth_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    connectTimeoutMS: 5000,
    // A lost connection fails the query in flight (a 503); the pool must not crash the process over it.
    poolErrorHandler: () => undefined,
    extra: { max: 4, application_name: 'empfehlungsradar-auth' },
  });
}

/** Initialises the data source and brings the `auth` schema up to date. */
export async function openAuthDataSource(url: string): Promise<DataSource> {
  const dataSource = createAuthDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  return dataSource;
}
