export * from './ids';
export * from './calendar-date';
export * from './metadata';
export * from './domain-event';
export * from './business-date';
export * from './domain-error';
export * from './decider';
