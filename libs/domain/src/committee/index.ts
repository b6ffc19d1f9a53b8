export * from './events';
export * from './commands';
export * from './errors';
export * from './state';
export * from './decide';
export * from './evolve';
export * from './decider';
