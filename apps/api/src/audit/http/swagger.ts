import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiQuery } from '@nestjs/swagger';

const asOf = (name: string, what: string) =>
  ApiQuery({ name, required: false, description: `${what}Stand (Geschäftsdatum, JJJJ-MM-TT): nur Ereignisse mit Datum bis einschließlich dieses Tages. Standard: heute (Europe/Berlin).`, example: '2021-06-30' });
const knownAt = (name: string, what: string) =>
  ApiQuery({ name, required: false, description: `${what}Kenntnisstand (ISO 8601 mit Zone): nur Ereignisse, die bis einschließlich dieses Zeitpunkts erfasst waren. Standard: alles Erfasste.`, example: '2021-07-01T00:00:00Z' });

export const ApiAuditTimeTravel = () =>
  applyDecorators(
    asOf('asOf', ''),
    knownAt('knownAt', ''),
    ApiBadRequestResponse({ description: 'Ungültiger Parameter (problem+json mit errors[]).' }),
    ApiNotFoundResponse({ description: 'In dieser Bildungsregion unbekannt (problem+json).' }),
  );

export const ApiDiffPoints = () =>
  applyDecorators(
    asOf('fromAsOf', 'Vorher: '),
    knownAt('fromKnownAt', 'Vorher: '),
    asOf('toAsOf', 'Nachher: '),
    knownAt('toKnownAt', 'Nachher: '),
    ApiBadRequestResponse({ description: 'Ungültiger Parameter, kein oder mehr als ein Gegenstand, oder kein Vorher-Zeitpunkt (problem+json).' }),
    ApiNotFoundResponse({ description: 'In dieser Bildungsregion unbekannt (problem+json).' }),
  );

export const ApiKnownAt = () =>
  applyDecorators(
    knownAt('knownAt', ''),
    ApiBadRequestResponse({ description: 'Ungültiger Parameter (problem+json mit errors[]).' }),
    ApiNotFoundResponse({ description: 'In dieser Bildungsregion unbekannt (problem+json).' }),
  );
