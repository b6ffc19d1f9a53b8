import { Injectable } from '@nestjs/common';
import { ROLES, type Actor, type Role } from '@app/domain';
import { ProblemException } from '../http/problem.exception';

/** The request as far as resolving the actor needs it. */
export interface ActorSource {
  header(name: string): string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_ID = /^[A-Za-z0-9._@:-]{1,200}$/;

const unauthenticated = (detail: string) => ProblemException.of(401, detail, { code: 'actor.missing' });

/**
 * TEMPORARY: who acts, read from plain headers until the access-control issue brings JWTs. This is
 * the one place that knows; replacing it (and nothing else) switches the API to real authentication.
 * X-Actor-Id, X-Actor-Role (office|steering|committee|auditor), X-Actor-Committees (uuids,
 * comma-separated), X-On-Behalf-Of (a committee id; office only).
 */
@Injectable()
export class ActorResolver {
  resolve(request: ActorSource): Actor {
    const userId = request.header('x-actor-id')?.trim();
    const role = request.header('x-actor-role')?.trim();
    if (!userId || !role) throw unauthenticated('Es ist nicht angegeben, wer handelt (X-Actor-Id und X-Actor-Role).');
    if (!USER_ID.test(userId)) throw unauthenticated('X-Actor-Id ist keine gültige Benutzerkennung.');
    if (!ROLES.includes(role as Role)) throw unauthenticated(`X-Actor-Role muss eine der Rollen ${ROLES.join(', ')} sein.`);
    const committeeIds = (request.header('x-actor-committees') ?? '')
      .split(',')
      .map((id) => id.trim().toLowerCase())
      .filter((id) => id !== '');
    if (committeeIds.some((id) => !UUID.test(id))) throw unauthenticated('X-Actor-Committees muss eine kommagetrennte Liste von UUIDs sein.');
    if (role === 'committee' && committeeIds.length === 0) throw unauthenticated('Ein Gremiumsmitglied muss seine Gremien angeben (X-Actor-Committees).');
    const onBehalfOf = request.header('x-on-behalf-of')?.trim().toLowerCase() || undefined;
    if (onBehalfOf !== undefined && !UUID.test(onBehalfOf)) throw unauthenticated('X-On-Behalf-Of muss die UUID eines Gremiums sein.');
    if (onBehalfOf !== undefined && role !== 'office') throw unauthenticated('Nur das Bildungsbüro kann im Auftrag eines Gremiums handeln (X-On-Behalf-Of).');
    return {
      userId,
      role: role as Role,
      committeeIds: role === 'committee' ? [...new Set(committeeIds)] : [],
      ...(onBehalfOf ? { onBehalfOf } : {}),
    };
  }
}
