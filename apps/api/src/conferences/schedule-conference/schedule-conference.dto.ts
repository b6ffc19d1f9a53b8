import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CONFERENCE_KINDS, type ConferenceKind } from '@app/domain';
import { MAX } from '../../http/dto/limits';
import { Day, Labels, OneOf, OptionalDay, OptionalText, Text } from '../../http/dto/validators';

export class ScheduleConferenceDto {
  @ApiProperty({ example: 9, description: 'Laufende Nummer je Region und Art ("9. BK")', minimum: 1, maximum: 10_000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  number!: number;

  @OneOf(CONFERENCE_KINDS, { example: 'bildungskonferenz' })
  kind!: ConferenceKind;

  @Text(MAX.title, { example: '9. Bildungskonferenz Düsseldorf' })
  title!: string;

  @OptionalText(MAX.title, { example: 'Übergänge gestalten – Chancen eröffnen' })
  motto?: string;

  @Day({ example: '2026-03-12', description: 'Geplanter Tag; darf in der Zukunft liegen' })
  date!: string;

  @Labels({ example: ['Übergang Schule/Beruf', 'Inklusion'] })
  topics!: string[];

  @OptionalDay({ example: '2025-11-03', description: 'Tag der Anlage; Standard: heute' })
  effectiveOn?: string;
}
