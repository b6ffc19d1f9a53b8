import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { readModelEntities, readModelMigrations } from '@app/read-models';
import { CreateIdempotencyKeys1763950000000 } from './migrations/1763950000000-create-idempotency-keys';
import { CreateReminders1765100000000 } from '../reminders/migrations/1765100000000-create-reminders';
import { CreateCalendarFeeds1765200000000 } from '../reminders/migrations/1765200000000-create-calendar-feeds';
import { CreateSubscriptions1765300000000 } from '../reminders/migrations/1765300000000-create-subscriptions';

/** The API's own tables. */
const apiMigrations = [CreateIdempotencyKeys1763950000000, CreateReminders1765100000000, CreateCalendarFeeds1765200000000, CreateSubscriptions1765300000000];

/** The one place where the API's and the read models' migrations and entities are put together. */
export const typeOrmMigrations = [...apiMigrations, ...readModelMigrations];
export const typeOrmEntities = [...readModelEntities];

/** Migrations run at start; the schema is never synchronised from entities. */
export function typeOrmOptions(databaseUrl: string): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: typeOrmMigrations,
    entities: typeOrmEntities,
    migrationsRun: true,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: 'empfehlungsradar',
    // TypeORM listens to its pool's and its query runners' connection errors itself; a lost
    // connection fails the query (a 503) and the next one reconnects. Do not wait forever for one.
    connectTimeoutMS: 5000,
    poolErrorHandler: () => undefined,
  };
}
