import type { QueryResult, QueryResultRow } from 'pg';

/** A pool or a client: what reading a few rows needs. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
