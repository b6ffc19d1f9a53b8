import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUrl, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@app/domain';
import { MAX } from '../../http/dto/limits';
import { Day, OneOf, OptionalDay, OptionalText, Text, Uuid } from '../../http/dto/validators';

export class EvidenceDto {
  @Text(MAX.title, { example: 'Protokoll des Fachgremiums vom 12.06.2026' })
  title!: string;

  @ApiProperty({ example: 'https://www.duesseldorf.de/bildungsbuero/protokoll-2026-06.pdf', maxLength: MAX.url })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(MAX.url)
  url!: string;
}

export class ReportImplementationStatusDto {
  @Uuid({ description: 'Das berichtende Gremium (seine Übergabe muss angenommen sein)' })
  committeeId!: string;

  @OneOf(IMPLEMENTATION_STATUSES, { example: 'in_progress' })
  status!: ImplementationStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, example: 40 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent?: number;

  @Text(MAX.summary, { example: 'Drei von acht Schulen haben die Berufsorientierung ab Klasse 8 eingeführt.' })
  summary!: string;

  @OptionalText(MAX.reason, { example: 'Die Finanzierung ist nicht gesichert.', description: 'Pflicht bei not_implemented und blocked' })
  reason?: string;

  @ApiProperty({ type: [EvidenceDto], maxItems: MAX.listItems })
  @IsArray()
  @ArrayMaxSize(MAX.listItems)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];

  @Day({ example: '2026-06-15', description: 'Stand vom; nicht vor dem Beschluss der Übergabe' })
  reportedOn!: string;

  @OptionalDay({ example: '2026-12-15', description: 'Nächster Berichtstermin' })
  nextReportDueOn?: string;
}
