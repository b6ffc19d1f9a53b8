import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ActorGuard } from './actor.guard';

const TEMPORARY = 'VORLÄUFIG, bis die Anmeldung (JWT) kommt:';

/** Routes that need to know who acts: the guard plus the (temporary) headers in OpenAPI. */
export const RequiresActor = () =>
  applyDecorators(
    UseGuards(ActorGuard),
    ApiHeader({ name: 'X-Actor-Id', required: true, description: `${TEMPORARY} Kennung der handelnden Person.`, example: 'buero.mueller' }),
    ApiHeader({ name: 'X-Actor-Role', required: true, description: `${TEMPORARY} Rolle: office, steering, committee oder auditor.`, example: 'office' }),
    ApiHeader({ name: 'X-Actor-Committees', required: false, description: `${TEMPORARY} Gremien (UUIDs, kommagetrennt), für die ein Gremiumsmitglied handelt.` }),
    ApiHeader({ name: 'X-On-Behalf-Of', required: false, description: `${TEMPORARY} Gremium (UUID), in dessen Auftrag das Bildungsbüro handelt.` }),
    ApiUnauthorizedResponse({ description: 'Es ist nicht angegeben oder ungültig, wer handelt (problem+json).' }),
  );
