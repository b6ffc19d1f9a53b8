import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { AppMetrics } from '../observability/metrics';
import type { CommandAnswer, CommandAnswerBody } from './command-answer';

/**
 * Turns a controller's CommandAnswer into the HTTP answer: status, headers (ETag, Location,
 * Idempotent-Replayed) and body. Idempotency itself needs no table and no commit of its own: the
 * events' ids follow from the principal's key and record the request's hash, so the append's one
 * commit is the record (CommandRunner, docs/command-path.md).
 */
@Injectable()
export class CommandAnswerInterceptor implements NestInterceptor<CommandAnswer, CommandAnswerBody> {
  constructor(private readonly metrics: AppMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler<CommandAnswer>): Observable<CommandAnswerBody> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((answer) => {
        if (answer.headers['Idempotent-Replayed'] === undefined && answer.body.events.length > 0) this.metrics.appended(answer.body.events.length);
        response.status(answer.status);
        for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
        return answer.body;
      }),
    );
  }
}
