export * from './shared';
export * from './region/events';
export * from './conference/events';
export * from './committee/events';
export * from './recommendation/events';
