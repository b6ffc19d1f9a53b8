export * from './simulate-history';
export * from './append-all';
export * from './append-batched';
