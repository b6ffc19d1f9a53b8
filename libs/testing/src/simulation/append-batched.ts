/** The PostgreSQL adapter's bulk loader, under the name the benchmarks and tests know. */
export { appendBatched } from '@app/event-store/postgres';
