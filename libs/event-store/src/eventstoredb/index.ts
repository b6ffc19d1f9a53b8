export { EventStoreDbEventStore, createEventStoreDbEventStore } from './eventstoredb-event-store';
