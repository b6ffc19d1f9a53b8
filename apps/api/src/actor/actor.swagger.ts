import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ActorGuard } from './actor.guard';

/** Routes that need to know who acts: a verified bearer token (see auth/), documented in OpenAPI. */
export const RequiresActor = () =>
  applyDecorators(
    UseGuards(ActorGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Nicht angemeldet, oder das Token ist ungültig oder abgelaufen (problem+json).' }),
    ApiForbiddenResponse({ description: 'Rolle, Bildungsregion oder Gremium des Kontos erlauben das nicht (problem+json).' }),
  );
