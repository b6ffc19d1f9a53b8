import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import { READ_MODEL_ENTITIES } from './tables/entities';
import { CreateReadModels1763960000000 } from './tables/migrations/1763960000000-create-read-models';
import { LighterBulkReadModels1764000000000 } from './tables/migrations/1764000000000-lighter-bulk-read-models';
import { DocumentsWithoutStatistics1764100000000 } from './tables/migrations/1764100000000-documents-without-statistics';
import { FactsWithoutCompression1764200000000 } from './tables/migrations/1764200000000-facts-without-compression';

/**
 * The read models' TypeORM migrations and entities. The API composes them with its own in one place
 * (apps/api/src/infrastructure/typeorm.ts); the projector process, the rebuild and the tests run them
 * through `migrateReadModels`, which keeps its record in the same migrations table as the API.
 */
export const readModelMigrations: Array<new () => MigrationInterface> = [
  CreateReadModels1763960000000,
  LighterBulkReadModels1764000000000,
  DocumentsWithoutStatistics1764100000000,
  FactsWithoutCompression1764200000000,
];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const readModelEntities: Array<Function | EntitySchema> = [...READ_MODEL_ENTITIES];

/** The API's migrations table (apps/api/src/infrastructure/typeorm.ts); shared so nothing runs twice. */
export const MIGRATIONS_TABLE = 'typeorm_migrations';

export async function migrateReadModels(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: readModelMigrations,
    migrationsTableName: MIGRATIONS_TABLE,
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

export * from './tables/schema';
export * from './tables/entities';
