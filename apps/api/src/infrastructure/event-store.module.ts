import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { connectEventStoreDb } from '@app/event-store/eventstoredb';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { APP_CONFIG, EVENT_STORE } from './tokens';

/**
 * The one place that picks the event store adapter: EventStoreDB when EVENTSTORE_URL is set,
 * otherwise PostgreSQL in the process's own database (its schema migrated before first use).
 */
export async function openEventStore(config: AppConfig, databaseUrl: string): Promise<EventStore> {
  const logger = new Logger('EventStore');
  if (config.EVENTSTORE_URL) {
    logger.log('Ereignisspeicher: EventStoreDB');
    return connectEventStoreDb(config.EVENTSTORE_URL);
  }
  await migrateEventStore(databaseUrl);
  logger.log('Ereignisspeicher: PostgreSQL');
  return new PostgresEventStore({ url: databaseUrl });
}

@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forUrl(databaseUrl: string): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EVENT_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openEventStore(config, databaseUrl) }],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
