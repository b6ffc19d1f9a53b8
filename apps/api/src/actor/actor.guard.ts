import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Actor } from '@app/domain';
import type { Request } from 'express';
import { ActorResolver } from './actor.resolver';

/** The request after the guard: it knows who acts. */
export type RequestWithActor = Request & { actor?: Actor };

/** Resolves the actor once per request (401 if unknown) and leaves it on the request for @CurrentActor(). */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(private readonly resolver: ActorResolver) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    request.actor = this.resolver.resolve({ header: (name) => request.header(name) });
    return true;
  }
}
