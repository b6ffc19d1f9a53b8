import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';

/** `asOf` and `knownAt`, the two time axes every figure and view accepts (metrics.md "Time"). */
export const ApiTimeTravel = () =>
  applyDecorators(
    ApiQuery({ name: 'asOf', required: false, description: 'Stand (Geschäftsdatum, JJJJ-MM-TT): nur Ereignisse mit Datum bis einschließlich dieses Tages. Standard: heute (Europe/Berlin).', example: '2021-06-30' }),
    ApiQuery({ name: 'knownAt', required: false, description: 'Kenntnisstand (ISO-8601-Zeitpunkt mit Zone): nur Ereignisse, die bis dahin erfasst waren. Standard: jetzt.', example: '2021-07-01T00:00:00Z' }),
    ApiBadRequestResponse({ description: 'Ungültiger Parameter (problem+json mit errors[]).' }),
    ApiNotFoundResponse({ description: 'Bildungsregion oder Konferenz unbekannt (problem+json).' }),
  );

export const ApiCohort = (required: boolean) =>
  ApiQuery({ name: 'cohort', required, description: 'Kohorte: conference:<UUID> (Empfehlungen einer Konferenz) oder year:<JJJJ> (eines Beschlussjahres).', example: 'year:2019' });

export const ApiFigureParams = () =>
  applyDecorators(
    ApiQuery({ name: 'handoffDays', required: false, type: Number, description: 'D für handoffRate (Standard 90 Tage).' }),
    ApiQuery({ name: 'responseDays', required: false, type: Number, description: 'D für responseRate (Standard 60 Tage).' }),
    ApiQuery({ name: 'implementationMonths', required: false, type: Number, description: 'H für implementationRate (Standard 24 Monate).' }),
    ApiQuery({ name: 'reviewMonths', required: false, type: Number, description: 'M für die Nachhaltigkeitskennzahlen (Standard 12 Monate).' }),
    ApiQuery({ name: 'verificationDays', required: false, type: Number, description: 'V für unverifiedClaimRate (Standard 60 Tage).' }),
    ApiQuery({ name: 'stallDays', required: false, type: Number, description: 'Tage ohne Ereignis bis „stockt“ (Standard 180).' }),
  );

/** `?format=csv` or `Accept: text/csv`: UTF-8 with BOM, `;`, decimal comma (apps/api/src/http/csv.ts). */
export const ApiCsv = () =>
  applyDecorators(
    ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], description: 'csv: Export für Tabellenkalkulation (UTF-8 mit BOM, Trennzeichen „;“, Dezimalkomma). Alternativ Accept: text/csv.' }),
    ApiProduces('application/json', 'text/csv'),
  );

/** The query parameters every board (views 1–4) takes; listed in the order the boards always had them. */
export const ApiBoardQuery = () => applyDecorators(ApiCsv(), ApiFigureParams(), ApiTimeTravel(), ApiCohort(false));

/** `cursor` and `limit` of a keyset-paged list (api.md: limit ≤ 200). */
export const ApiListPage = () =>
  applyDecorators(
    ApiQuery({ name: 'cursor', required: false, description: 'nextCursor der vorigen Seite' }),
    ApiQuery({ name: 'limit', required: false, type: Number, description: 'Einträge je Seite, 1 bis 200 (Standard 50)' }),
    ApiBadRequestResponse({ description: 'Ungültiger Parameter (problem+json mit errors[]).' }),
    ApiNotFoundResponse({ description: 'Bildungsregion unbekannt (problem+json).' }),
  );
