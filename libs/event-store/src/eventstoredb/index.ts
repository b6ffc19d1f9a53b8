export { EventStoreDbEventStore, connectEventStoreDb, createEventStoreDbEventStore } from './eventstoredb-event-store';
export { UnsupportedServerError } from './server-version';
export type { EventStoreDbSubscribeOptions } from './subscribe';
