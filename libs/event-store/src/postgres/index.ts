export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { migrateEventStore, eventStoreMigrations } from './migrate';
export type { PostgresSubscribeOptions } from './subscribe';
