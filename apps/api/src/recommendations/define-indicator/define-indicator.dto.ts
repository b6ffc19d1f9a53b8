import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsObject, ValidateNested } from 'class-validator';
import { INDICATOR_DIRECTIONS, type IndicatorDirection } from '@app/domain';
import { MAX } from '../../http/dto/limits';
import { Day, OneOf, OptionalDay, OptionalUuid, Text, Uuid } from '../../http/dto/validators';

const FINITE = { allowNaN: false, allowInfinity: false };

export class BaselineDto {
  @ApiProperty({ example: 42.5 })
  @IsNumber(FINITE)
  value!: number;

  @Day({ example: '2025-07-31', description: 'Stichtag des Ausgangswerts; darf vor dem Beschluss liegen' })
  on!: string;
}

export class TargetDto {
  @ApiProperty({ example: 60 })
  @IsNumber(FINITE)
  value!: number;

  @Day({ example: '2028-07-31', description: 'Zieltermin; darf in der Zukunft liegen' })
  dueOn!: string;
}

export class DefineImpactIndicatorDto {
  @Uuid({ description: 'Das Gremium, zu dessen angenommener Zuständigkeit der Indikator gehört' })
  committeeId!: string;

  @OptionalUuid({ description: 'Kennung des Indikators; fehlt sie, wird eine vergeben' })
  indicatorId?: string;

  @Text(MAX.title, { example: 'Anteil der Schulabgänger mit Anschlussperspektive' })
  name!: string;

  @Text(MAX.label, { example: 'Prozent' })
  unit!: string;

  @OneOf(INDICATOR_DIRECTIONS, { example: 'increase' })
  direction!: IndicatorDirection;

  @ApiProperty({ type: BaselineDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BaselineDto)
  baseline!: BaselineDto;

  @ApiProperty({ type: TargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TargetDto)
  target!: TargetDto;

  @Text(MAX.source, { example: 'Schulstatistik der Stadt Düsseldorf' })
  source!: string;

  @OptionalDay({ example: '2026-06-15', description: 'Standard: heute' })
  effectiveOn?: string;
}
