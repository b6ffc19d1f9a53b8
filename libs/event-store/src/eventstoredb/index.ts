export { EventStoreDbEventStore, createEventStoreDbEventStore } from './eventstoredb-event-store';
export type { EventStoreDbSubscribeOptions } from './subscribe';
