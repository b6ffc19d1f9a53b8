export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { migrateEventStore, eventStoreMigrations } from './migrate';
export type { PostgresSubscribeOptions } from './subscribe';

export { appendBatched, type BulkAppend } from './append-batched';
/** For ops tooling that works inside its own transaction (restore checks the chains before it commits). */
export { verifyChains } from './verify';
/** The schema's table names, for ops tooling and tests that look at the tables themselves. */
export { EVENTS, STREAMS } from './schema';
