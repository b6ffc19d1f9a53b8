import { Pool, type PoolConfig } from 'pg';

/**
 * A pg Pool that survives its connections being cut (pg_terminate_backend, a restart or failover of
 * the server). pg reports a lost connection as an 'error' event, on the pool for an idle client and
 * on the client itself while it is checked out; an 'error' event without a listener ends the Node
 * process. Both get one here: the broken client is dropped (by the pool, or at its release), the
 * query that was running fails, and the next one connects afresh.
 */
export function survivingPool(config: PoolConfig, onLost: (error: Error) => void = () => undefined): Pool {
  return surviveLostConnections(new Pool({ connectionTimeoutMillis: 5000, ...config }), onLost);
}

/** The same for a pool made elsewhere. */
export function surviveLostConnections(pool: Pool, onLost: (error: Error) => void = () => undefined): Pool {
  pool.on('error', (error) => onLost(error));
  // While a client is checked out the pool does not listen to it; the query in flight gets the error anyway.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
