import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '@app/postgres';
import { Problem, PROBLEM_CONTENT_TYPE, problem } from './problem';
import { ProblemException } from './problem.exception';

/** Maps an error to a problem, or undefined if this mapper does not know it. */
export type ErrorMapper = (error: unknown) => Problem | undefined;

const fromHttpException: ErrorMapper = (error) => {
  if (error instanceof ProblemException) return error.problem;
  if (!(error instanceof HttpException)) return undefined;
  const status = error.getStatus();
  const body = error.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const route = /^Cannot (\w+) (\S+)$/.exec(String(message));
  if (status === 404 && route) return problem(404, `Diesen Pfad gibt es nicht: ${route[1]} ${route[2]}`);
  return problem(status, Array.isArray(message) ? message.join('; ') : String(message ?? error.message));
};

/**
 * body-parser's errors (malformed JSON, too large, wrong charset) carry a status and `type`; Nest 12's
 * Express adapter wraps them in an HttpException whose `cause` is the original.
 */
const fromBodyParser: ErrorMapper = (error) => {
  const e = (error instanceof HttpException && error.cause ? error.cause : error) as { status?: number; type?: string; message?: string };
  if (typeof e?.status !== 'number' || typeof e.type !== 'string') return undefined;
  const body = (message: string) => [{ field: '', message }];
  if (e.type === 'entity.parse.failed') {
    return problem(400, 'Der Anfragetext ist kein gültiges JSON.', { code: 'malformed-json', errors: body('Ist kein gültiges JSON-Objekt.') });
  }
  if (e.type === 'entity.too.large') return problem(413, 'Der Anfragetext ist zu groß.', { code: 'payload-too-large', errors: body('Ist zu groß.') });
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
    return problem(415, 'Der Anfragetext muss UTF-8-kodiertes JSON sein.', { code: 'unsupported-media-type', errors: [{ field: 'Content-Type', message: 'Muss application/json; charset=utf-8 sein.' }] });
  }
  return problem(e.status, 'Die Anfrage konnte nicht gelesen werden.', { errors: body('Ist nicht lesbar.') });
};

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database is down, restarting or cut off: the request did not complete and may be retried. A
 * write's events are appended in one transaction, so it is in the log whole or not at all; only a
 * connection lost during COMMIT leaves the client unsure which, and a retry with the same
 * Idempotency-Key settles it.
 */
const fromDatabaseUnavailable: ErrorMapper = (error) =>
  isDatabaseUnavailable(error)
    ? problem(503, 'Die Datenbank ist gerade nicht erreichbar. Bitte in einigen Sekunden erneut versuchen, bei Änderungen mit demselben Idempotency-Key. (The database is unavailable; please retry shortly.)', {
        code: 'database-unavailable',
      })
    : undefined;

/** One place turns every error into application/problem+json; unknown errors become a 500 without internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly mappers: ErrorMapper[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const found = [fromDatabaseUnavailable, ...this.mappers, fromBodyParser, fromHttpException].reduce<Problem | undefined>((p, map) => p ?? map(error), undefined);
    const body = found ?? problem(500, 'Ein unerwarteter Fehler ist aufgetreten. Bitte später erneut versuchen.');
    if (!found) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (response.headersSent) return;
    if (body.status === 503 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
