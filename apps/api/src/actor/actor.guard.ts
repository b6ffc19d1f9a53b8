import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Actor } from '@app/domain';
import type { Request } from 'express';
import { ActorResolver } from './actor.resolver';

/** The request after the guards: it knows who acts. */
export type RequestWithActor = Request & { actor?: Actor };

/** Makes sure a route that records an actor has one from the verified token (401 otherwise). */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(private readonly resolver: ActorResolver) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    request.actor = this.resolver.resolve(request);
    return true;
  }
}
