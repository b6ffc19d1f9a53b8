export * from './fixtures';
export * from './region';
export * from './conference';
export * from './committee';
export * from './recommendation-events';
export * from './recommendation-commands';
