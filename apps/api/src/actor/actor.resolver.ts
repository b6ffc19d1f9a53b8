import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/domain';
import { ProblemException } from '../http/problem.exception';
import type { AuthenticatedRequest } from '../auth/request-context';

/**
 * Who acts: the actor the global AccessGuard (auth/access.guard.ts) derived from the verified
 * bearer token, with `onBehalfOf` set when the office issues a committee's command. Nothing the
 * client sends besides the token (no X-Actor-* header) has any say.
 */
@Injectable()
export class ActorResolver {
  resolve(request: AuthenticatedRequest): Actor {
    if (!request.actor) throw ProblemException.of(401, 'Bitte melden Sie sich an.', { code: 'auth.required' });
    return request.actor;
  }
}
