import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { VERIFICATION_OUTCOMES, type VerificationOutcome } from '@app/domain';
import { MAX } from '../../http/dto/limits';
import { Day, OneOf, OptionalText } from '../../http/dto/validators';

export class VerifyImplementationDto {
  @OneOf(VERIFICATION_OUTCOMES, { example: 'confirmed', description: 'confirmed: bestätigt; returned: zur Nachbesserung zurückgegeben' })
  outcome!: VerificationOutcome;

  @Day({ example: '2026-07-01', description: 'Tag der Prüfung; nicht vor dem geprüften Bericht' })
  verifiedOn!: string;

  @OptionalText(MAX.note, { example: 'Der Nachweis nennt nur drei der acht Schulen.', description: 'Pflicht bei returned' })
  note?: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX.listItems, description: 'Titel oder Adressen der geprüften Nachweise des Berichts' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX.listItems)
  @IsString({ each: true })
  @MaxLength(MAX.url, { each: true })
  evidenceChecked?: string[];
}
