import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '../problem.exception';
import { bodyProblems, queryProblems } from './inspect-body';

/** `application/json` or a `+json` type (e.g. `application/merge-patch+json`), any parameters. */
export function isJsonContentType(header: string | undefined): boolean {
  const media = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(media);
}

const carriesBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** The one place that takes a file: the spreadsheet import (its interceptor reads and limits the upload). */
const UPLOAD_ROUTE = /^\/api\/regions\/[^/]+\/imports(\/preview)?\/?$/;
const isUpload = (req: Request): boolean =>
  req.method === 'POST' && UPLOAD_ROUTE.test(req.path) && (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'multipart/form-data';

/**
 * The unsubscribe link's POST comes from a plain HTML form or a mail program's one-click
 * (RFC 8058), both form-encoded; its body is never read, so it is not parsed either.
 */
const UNSUBSCRIBE_ROUTE = /^\/api\/unsubscribe\/[^/]+\/?$/;
const isUnsubscribe = (req: Request): boolean =>
  req.method === 'POST' && UNSUBSCRIBE_ROUTE.test(req.path) && (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';

const invalid = (detail: string, errors: { field: string; message: string }[]) => ProblemException.of(400, detail, { code: 'validation', errors });

/**
 * The API reads JSON and nothing else: a body of another type is a 415 before any guard looks at
 * it (a guard reading the committee from an unparsed text body answered a misleading 403).
 */
function refuseOtherContentTypes(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD' || !carriesBody(req) || isJsonContentType(req.headers['content-type']) || isUpload(req) || isUnsubscribe(req)) return next();
  next(
    ProblemException.of(415, 'Der Anfragetext muss JSON sein (Content-Type: application/json).', {
      code: 'unsupported-media-type',
      errors: [{ field: 'Content-Type', message: `Muss application/json sein, nicht ${req.headers['content-type'] ?? '(keiner)'}.` }],
    }),
  );
}

/** inspect-body.ts's checks on the parsed body and query, before guards, pipes and handlers. */
function refuseHostileInput(req: Request, _res: Response, next: NextFunction): void {
  const query = queryProblems(req.query);
  if (query.length > 0) return next(invalid('Die Abfrageparameter sind ungültig; siehe `errors`.', query));
  if (req.body === undefined) return next();
  const body = bodyProblems(req.body);
  next(body.length > 0 ? invalid('Die Eingabe ist ungültig; siehe `errors`.', body) : undefined);
}

/**
 * Body handling of the whole application, registered before init so Nest adds no parsers of its
 * own: JSON only, at most `limit` bytes, checked before anything reads it.
 */
export function useJsonBodies(app: NestExpressApplication, limit: string): void {
  app.use(refuseOtherContentTypes);
  app.useBodyParser('json', { limit, type: (req: IncomingMessage) => isJsonContentType(req.headers['content-type']) });
  app.use(refuseHostileInput);
}
