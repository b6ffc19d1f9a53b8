/**
 * SQLSTATEs that mean "the server is not there for us right now", not "this statement is wrong":
 * class 08 (connection exception), 57P01-57P03 (shut down by an administrator, crashed, starting up
 * or shutting down), 53300 (too many connections).
 */
const UNAVAILABLE_CODES = /^(08...|57P0[123]|53300)$/;
/** Socket errors of a server that is down or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** pg's own errors for a lost or never made connection carry no code, only these messages. */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
  'is not currently accepting connections', // 55000 after ALTER DATABASE … ALLOW_CONNECTIONS false
  'the database system is',
];

/**
 * True if `error` (or what it wraps: TypeORM's `driverError`, a `cause`, an AggregateError's
 * errors) says the database cannot be reached, so the request may be answered 503 and retried.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.test(e.code) || SOCKET_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && PG_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
