import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/domain';
import { ProblemException } from '../http/problem.exception';
import type { RequestWithActor } from './actor.guard';

/** The actor ActorGuard resolved; a route that forgot the guard fails loudly instead of acting anonymously. */
export function requestActor(request: RequestWithActor): Actor {
  if (!request.actor) throw ProblemException.of(401, 'Es ist nicht angegeben, wer handelt.', { code: 'actor.missing' });
  return request.actor;
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  requestActor(context.switchToHttp().getRequest<RequestWithActor>()),
);
