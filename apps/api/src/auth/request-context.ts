import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/domain';
import type { Principal } from './principal';

/** What the access guard leaves on the request; nothing else sets these fields. */
export interface AuthenticatedRequest {
  principal?: Principal;
  actor?: Actor;
}

/** The verified principal, or undefined on a public (anonymous) request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined => ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
