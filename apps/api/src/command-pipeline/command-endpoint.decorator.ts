import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiProperty,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequiresActor } from '../actor/actor.swagger';
import { CommandAnswerInterceptor } from './command-answer.interceptor';

class WrittenEventDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'RecommendationHandedOff' }) type!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'eventId, regionId, actor, commandId, correlationId, causationId, recordedAt (Serverzeit), schemaVersion',
  })
  metadata!: Record<string, unknown>;
}

export class CommandResultDto {
  @ApiProperty({ format: 'uuid', description: 'Kennung der angelegten oder geänderten Ressource' }) id!: string;
  @ApiProperty({ example: 'recommendation-3f0c…' }) streamId!: string;
  @ApiProperty({ example: 1, description: 'Neue Revision des Streams (auch im ETag)' }) revision!: number;
  @ApiProperty({ type: [WrittenEventDto] }) events!: WrittenEventDto[];
}

/**
 * A command endpoint: POST, 201 with ETag (and Location when it creates), the actor, If-Match,
 * Idempotency-Key and the answers it can give, all in OpenAPI.
 */
export const CommandEndpoint = (path: string, summary: string, description?: string) =>
  applyDecorators(
    Post(path),
    HttpCode(201),
    RequiresActor(),
    UseInterceptors(CommandAnswerInterceptor),
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Bis 200 Zeichen. Gleicher Schlüssel und gleicher Inhalt: einmal geschrieben, gleiche Antwort.' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Erwartete Revision, z. B. "3". Abweichung: 412, nichts geschrieben.' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Korrelationskennung; fehlt sie, wird eine erzeugt.' }),
    ApiCreatedResponse({ type: CommandResultDto, description: 'Geschrieben; ETag trägt die neue Revision.' }),
    ApiBadRequestResponse({ description: 'Ungültige Eingabe (problem+json mit `errors`).' }),
    ApiForbiddenResponse({ description: 'Die Rolle darf diesen Befehl nicht ausführen.' }),
    ApiNotFoundResponse({ description: 'Unbekannte Kennung in dieser Bildungsregion.' }),
    ApiConflictResponse({ description: 'Eine Regel der Domäne ist verletzt (`code`), oder gleichzeitige Änderung.' }),
    ApiPreconditionFailedResponse({ description: 'If-Match passt nicht zur aktuellen Revision.' }),
    ApiUnprocessableEntityResponse({ description: 'Idempotency-Key bereits für eine andere Anfrage verwendet.' }),
  );
