import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** A Pool or a client: whatever can run one statement. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}
