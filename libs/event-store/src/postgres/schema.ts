/** Names shared by the migration and the queries; the event store lives in its own PostgreSQL schema. */
export const SCHEMA = 'event_store';
export const EVENTS = `${SCHEMA}.events`;
export const STREAMS = `${SCHEMA}.streams`;
/** NOTIFY channel that wakes live subscriptions in other processes after an append commits. */
export const APPENDED_CHANNEL = 'event_store_appended';
