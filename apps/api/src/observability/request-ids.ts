import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the logging middleware learns about a request and the command pipeline reads back. */
export interface TracedRequest extends IncomingMessage {
  /** X-Correlation-Id as the client sent it (when usable), else generated; the events' metadata carries it. */
  correlationId?: string;
}

export const MAX_TRACE_ID_LENGTH = 200;
/** Ids a client may hand in: 1 to 200 characters, no control characters (the command's own rule, and hostile input's). */
const USABLE_ID = /^[^\x00-\x1f\x7f]{1,200}$/;

/** The client's id from `header` if usable, else a fresh uuid. */
function usableOr(request: IncomingMessage, header: string): string {
  const value = request.headers[header];
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text !== undefined && USABLE_ID.test(text) ? text : randomUUID();
}

/**
 * pino-http's `genReqId`: the request id (X-Request-Id from a proxy, else new) and the correlation
 * id (X-Correlation-Id, else new), both echoed in the answer's headers so a caller can quote them.
 */
export function assignRequestIds(request: TracedRequest, response: ServerResponse): string {
  const id = usableOr(request, 'x-request-id');
  request.correlationId = usableOr(request, 'x-correlation-id');
  response.setHeader('X-Request-Id', id);
  response.setHeader('X-Correlation-Id', request.correlationId);
  return id;
}
