import { ApiProperty } from '@nestjs/swagger';
import { IsNumber } from 'class-validator';
import { MAX } from '../../http/dto/limits';
import { Day, OptionalText, Text, Uuid } from '../../http/dto/validators';

export class RecordImpactMeasurementDto {
  @Uuid({ description: 'Das messende Gremium (seine Übergabe muss angenommen sein)' })
  committeeId!: string;

  @ApiProperty({ example: 47.1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @Day({ example: '2026-07-31', description: 'Stichtag der Messung' })
  measuredOn!: string;

  @Text(MAX.source, { example: 'Schulstatistik der Stadt Düsseldorf, Stand Juli 2026' })
  source!: string;

  @OptionalText(MAX.note, { example: 'Erstmals mit den Förderschulen erhoben' })
  note?: string;
}
