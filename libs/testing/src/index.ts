export * from './test-database';
export * from './decider-spec';
export * from './mothers';
export * from './schema-catalog';
