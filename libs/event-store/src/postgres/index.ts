export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { migrateEventStore, eventStoreMigrations } from './migrate';
export type { PostgresSubscribeOptions } from './subscribe';
/** The chain hash as a pure function: the audit export is replayed offline with exactly this code. */
export { canonicalEvent, chainHash, type HashedFields } from './hash';
