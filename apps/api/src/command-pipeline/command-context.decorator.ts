import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { requestActor } from '../actor/current-actor.decorator';
import type { RequestWithActor } from '../actor/actor.guard';
import { ProblemException } from '../http/problem.exception';
import type { CommandRequest } from './command-request';
import { principalKey } from './derived-ids';
import type { TracedRequest } from '../observability/request-ids';
import { requestHash } from './request-hash';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const MAX_CORRELATION_ID_LENGTH = 200;

/** `"3"` or `W/"3"` → 3n; anything else is a 400, since guessing would risk a lost update. */
export function parseIfMatch(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,18})"\s*$/.exec(value);
  if (!match) {
    throw ProblemException.of(400, 'If-Match muss eine Revision in Anführungszeichen sein, z. B. "3".', { code: 'if-match.invalid' });
  }
  return BigInt(match[1]!);
}

export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.header('idempotency-key');
  if (key === undefined) return undefined;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw ProblemException.of(400, `Idempotency-Key muss 1 bis ${MAX_IDEMPOTENCY_KEY_LENGTH} Zeichen lang sein.`, { code: 'idempotency-key.invalid' });
  }
  return key;
}

/** The region of the path; POST /api/regions creates one, so it has none yet. */
export const regionParamOf = (request: Request): string => (request.params as Record<string, string | undefined>).regionId ?? '';

/**
 * Everything about a command that comes from the request rather than its body: actor, ids, If-Match.
 * `regionId` is the path's; a handler that creates a region replaces it with the new id.
 */
export function commandRequestOf(request: RequestWithActor): CommandRequest {
  const clientKey = idempotencyKeyOf(request);
  const actor = requestActor(request);
  const correlation = request.header('x-correlation-id')?.trim();
  if (correlation !== undefined && (correlation.length === 0 || correlation.length > MAX_CORRELATION_ID_LENGTH)) {
    throw ProblemException.of(400, `X-Correlation-Id muss 1 bis ${MAX_CORRELATION_ID_LENGTH} Zeichen lang sein.`, { code: 'correlation-id.invalid' });
  }
  const commandId = clientKey ?? randomUUID();
  const expectedRevision = parseIfMatch(request.header('if-match'));
  return {
    regionId: regionParamOf(request),
    actor,
    commandId,
    ...(clientKey !== undefined
      ? { idempotencyKey: principalKey(actor.userId, clientKey), requestHash: requestHash(request.method, request.originalUrl, request.body) }
      : {}),
    // The id the request's log lines carry (observability/request-ids.ts), so logs and events meet.
    correlationId: (request as TracedRequest).correlationId ?? correlation ?? randomUUID(),
    causationId: commandId,
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

export const CommandContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandRequest =>
  commandRequestOf(context.switchToHttp().getRequest<RequestWithActor>()),
);
