import type { EntitySchema, MigrationInterface } from 'typeorm';

/**
 * The read models' TypeORM migrations and entities. The API composes them with its own in one place
 * (apps/api/src/infrastructure/typeorm.ts); each read model adds its entries here.
 */
export const readModelMigrations: Array<new () => MigrationInterface> = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const readModelEntities: Array<Function | EntitySchema> = [];
