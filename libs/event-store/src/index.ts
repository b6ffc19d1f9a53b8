export * from './event-store';
export * from './errors';
// The adapters are not re-exported: only the composition roots (and ops tooling, tests, benchmarks)
// reach them, through '@app/event-store/postgres' and '@app/event-store/eventstoredb'.
/** The chain hash as a pure function: the audit export is replayed offline with exactly this code. */
export { canonicalEvent, chainHash, type HashedFields } from './chain-hash';
/** Which events belong to a set of streams (a region's: `{ key: 'regionId', value }`), the rule readLog applies. */
export { streamSetFilter } from './scan-log';
