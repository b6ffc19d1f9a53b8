import { Client, Pool, type ClientConfig, type PoolConfig } from 'pg';

/**
 * A pg Pool that survives its connections being cut (pg_terminate_backend, a restart or failover of
 * the server). pg reports a lost connection as an 'error' event, on the pool for an idle client and
 * on the client itself while it is checked out; an 'error' event without a listener ends the Node
 * process. Both get one here: the broken client is dropped (by the pool, or at its release), the
 * query that was running fails, and the next one connects afresh.
 */
export function survivingPool(config: PoolConfig, onLost: (error: Error) => void = () => undefined): Pool {
  const { connectionTimeoutMillis = CONNECT_TIMEOUT_MS, ...rest } = config;
  return surviveLostConnections(new Pool({ ...rest, Client: clientConnectingWithin(connectionTimeoutMillis) }), onLost);
}

/** A server that takes a connection and never answers must not hang a request for ever. */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * The pool's own `connectionTimeoutMillis` also bounds the wait for a busy pool's next free
 * client, so under load (many queries queued behind a few connections) healthy requests failed
 * with "timeout exceeded when trying to connect". The bound belongs to opening a connection only:
 * given to each client, not to the pool, it leaves the queue unbounded, as pg's default is.
 */
function clientConnectingWithin(ms: number): typeof Client {
  return class extends Client {
    constructor(config?: string | ClientConfig) {
      super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: ms } : { ...config, connectionTimeoutMillis: ms });
    }
  };
}

/** The same for a pool made elsewhere. */
export function surviveLostConnections(pool: Pool, onLost: (error: Error) => void = () => undefined): Pool {
  pool.on('error', (error) => onLost(error));
  // While a client is checked out the pool does not listen to it; the query in flight gets the error anyway.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
