export * from './event-store';
export * from './errors';
export * from './eventstoredb';
export * from './postgres';
