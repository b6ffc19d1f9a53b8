import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, type Observable, of, throwError, catchError } from 'rxjs';
import type { CommandAnswer, CommandAnswerBody } from '../command-pipeline/command-answer';
import { idempotencyKeyOf, regionParamOf } from '../command-pipeline/command-context.decorator';
import { ProblemException } from '../http/problem.exception';
import { IdempotencyStore } from './idempotency.store';
import { requestHash } from './request-hash';

/**
 * Turns a controller's CommandAnswer into the HTTP answer, and makes it idempotent: with an
 * Idempotency-Key the first answer is stored and replayed; the same key with another request is 422,
 * and a duplicate arriving while the first is still running is 409.
 */
@Injectable()
export class CommandAnswerInterceptor implements NestInterceptor<CommandAnswer, CommandAnswerBody> {
  constructor(private readonly keys: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler<CommandAnswer>): Promise<Observable<CommandAnswerBody>> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const send = (answer: CommandAnswer, replayed = false): CommandAnswerBody => {
      response.status(answer.status);
      for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
      if (replayed) response.setHeader('Idempotent-Replayed', 'true');
      return answer.body;
    };

    const key = idempotencyKeyOf(request);
    if (key === undefined) return next.handle().pipe(mergeMap(async (answer) => send(answer)));

    const regionId = regionParamOf(request);
    const claim = await this.keys.claim(regionId, key, requestHash(request.method, request.originalUrl, request.body));
    switch (claim.kind) {
      case 'replay':
        return of(send(claim.answer, true));
      case 'other-request':
        throw ProblemException.of(422, 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.', { code: 'idempotency-key.reused' });
      case 'in-progress':
        throw ProblemException.of(409, 'Eine Anfrage mit diesem Idempotency-Key wird gerade bearbeitet; bitte gleich erneut versuchen.', {
          code: 'idempotency-key.in-progress',
        });
      case 'claimed':
        return next.handle().pipe(
          mergeMap(async (answer) => {
            await this.keys.complete(regionId, key, answer);
            return send(answer);
          }),
          catchError((error: unknown) => from(this.keys.release(regionId, key)).pipe(mergeMap(() => throwError(() => error)))),
        );
      default: {
        const _exhaustive: never = claim;
        return _exhaustive;
      }
    }
  }
}
