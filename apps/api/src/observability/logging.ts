import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Level } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '@app/config';
import { assignRequestIds, type TracedRequest } from './request-ids';

const LEVELS: Record<AppConfig['LOG_LEVEL'], Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * pino-http's options: one JSON line per request with its id, correlation id, route, status and
 * time; every log line written while handling it carries the same ids. Headers are never logged
 * (they hold tokens), only method and path.
 */
export function httpLogOptions(config: Pick<AppConfig, 'LOG_LEVEL'>, destination?: DestinationStream): [Options, DestinationStream] {
  const options: Options = {
    level: LEVELS[config.LOG_LEVEL],
    base: { service: 'empfehlungsradar' },
    timestamp: pino.stdTimeFunctions.isoTime,
    genReqId: (req, res) => assignRequestIds(req as TracedRequest, res),
    customProps: (req) => ({ correlationId: (req as TracedRequest).correlationId }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req: IncomingMessage & { id?: unknown; url?: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    quietReqLogger: true,
  };
  // Asynchronous: a line per request written synchronously was a blocking write(2) on the request's
  // path; sonic-boom writes in the background, lines logged meanwhile go in one write, and it
  // flushes what is left when the process exits.
  return [options, destination ?? pino.destination({ dest: 1, sync: false })];
}

/**
 * The log before the application exists (start-up of the embedded database, configuration): the
 * same JSON lines through a plain pino logger.
 */
export function bootLog(config: Pick<AppConfig, 'LOG_LEVEL'>, context: string): (line: string) => void {
  const logger = pino({ level: LEVELS[config.LOG_LEVEL], base: { service: 'empfehlungsradar' }, timestamp: pino.stdTimeFunctions.isoTime });
  return (line) => logger.info({ context }, line);
}
