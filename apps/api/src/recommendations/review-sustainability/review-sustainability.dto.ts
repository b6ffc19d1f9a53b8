import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { ANCHORINGS, SUSTAINABILITY_OUTCOMES, type Anchoring, type SustainabilityOutcome } from '@app/domain';
import { MAX } from '../../http/dto/limits';
import { Day, OneOf, Text } from '../../http/dto/validators';

export class ReviewSustainabilityDto {
  @Day({ example: '2027-09-01', description: 'Tag der Prüfung' })
  reviewedOn!: string;

  @OneOf(SUSTAINABILITY_OUTCOMES, { example: 'sustained' })
  outcome!: SustainabilityOutcome;

  @ApiProperty({ enum: ANCHORINGS, isArray: true, example: ['budget', 'regular_structure'] })
  @IsArray()
  @ArrayMaxSize(ANCHORINGS.length)
  @IsIn(ANCHORINGS as Anchoring[], { each: true })
  anchoring!: Anchoring[];

  @Text(MAX.note, { example: 'Im Haushalt 2027 dauerhaft verankert; Koordinierungsstelle besetzt.' })
  note!: string;
}
