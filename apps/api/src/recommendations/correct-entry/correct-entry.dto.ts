import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { CORRECTABLE_FIELDS, type CorrectableEventType } from '@app/domain';
import { MAX } from '../../http/dto/limits';
import { OptionalDay, OptionalOneOf, Text, Uuid } from '../../http/dto/validators';

export const CORRECTABLE_EVENT_TYPES = Object.keys(CORRECTABLE_FIELDS) as CorrectableEventType[];

export class CorrectEntryDto {
  @Uuid({ description: 'Kennung des zu korrigierenden Ereignisses (eventId)' })
  correctsEventId!: string;

  @OptionalOneOf(CORRECTABLE_EVENT_TYPES, {
    example: 'ImplementationStatusReported',
    description: 'Typ des zu korrigierenden Ereignisses; kann entfallen (der Server kennt ihn). Wird er genannt und passt nicht: 409 correction.type-mismatch',
  })
  correctedEventType?: CorrectableEventType;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { reportedOn: '2026-06-12' },
    description: 'Die berichtigten Felder; erlaubt sind die korrigierbaren Felder des Ereignistyps, geprüft wie beim ursprünglichen Befehl',
  })
  @IsObject()
  correctedFields!: Record<string, unknown>;

  @Text(MAX.reason, { example: 'Falsches Datum übertragen; laut Protokoll war es der 12.06.' })
  reason!: string;

  @OptionalDay({ example: '2026-06-20', description: 'Standard: heute' })
  effectiveOn?: string;
}
