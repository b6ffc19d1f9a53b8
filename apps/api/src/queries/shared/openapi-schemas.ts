import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIGURE_NAMES } from './figure-values';
import { GROUP_BYS } from './query-params';

/**
 * Response shapes for the OpenAPI document only: the handlers return plain objects typed by their
 * interfaces; these classes describe the same fields for clients.
 */
export class FigureValueDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Anteil (0–1), Median oder Mittelwert; null: leere Basis („–“)', example: 0.5 })
  value!: number | null;
  @ApiPropertyOptional({ description: 'Anteile: gezählte Mitglieder der Basis (Zielerreichung: Summe der Werte)', example: 2 })
  numerator?: number;
  @ApiPropertyOptional({ description: 'Anteile: Größe der Basis', example: 4 })
  denominator?: number;
  @ApiPropertyOptional({ description: 'Mediane: Anzahl der Werte', example: 3 })
  count?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'medianMonthsToImplementation: der Median in Tagen', example: 329 })
  medianDays?: number | null;
}

export class FiguresGroupDto {
  @ApiProperty({ description: 'Gruppenschlüssel (UUID, Jahr, Handlungsfeld; ohne Gruppierung "cohort")', example: 'cohort' })
  key!: string;
  @ApiProperty({ description: 'Bezeichnung, z. B. „8. Bildungskonferenz“ oder der Gremienname', example: 'Kohorte' })
  label!: string;
  @ApiProperty({
    description: `Jede Kennzahl aus metrics.md: ${FIGURE_NAMES.join(', ')}`,
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FigureValueDto' },
  })
  figures!: Record<string, FigureValueDto>;
  @ApiPropertyOptional({ description: 'Nur mit detail=true: je Kennzahl die gezählten und nicht gezählten Empfehlungen bzw. Zuständigkeiten', type: 'object', additionalProperties: true })
  detail?: Record<string, unknown>;
}

export class FiguresResultDto {
  @ApiProperty({ example: '2021-06-30' })
  asOf!: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'null: alles bis jetzt Erfasste' })
  knownAt!: string | null;
  @ApiProperty({
    enum: ['replay', 'read_model'],
    description: 'replay: aus den Ereignisströmen neu berechnet; read_model: aus den Lesemodellen (nur für „jetzt“ und nur, wenn sie alle Ereignisse verarbeitet haben)',
  })
  source!: 'replay' | 'read_model';
  @ApiProperty({ format: 'uuid' })
  regionId!: string;
  @ApiProperty({ description: '{ conferenceId } oder { year }', type: 'object', additionalProperties: true, example: { year: 2018 } })
  cohort!: Record<string, unknown>;
  @ApiProperty({ enum: GROUP_BYS, nullable: true })
  groupBy!: string | null;
  @ApiProperty({ description: 'Die verwendeten Parameter (D, H, M, Stillstandstage)', type: 'object', additionalProperties: { type: 'number' }, example: { handoffDays: 90, responseDays: 60, implementationMonths: 24, reviewMonths: 12, stallDays: 180, verificationDays: 60 } })
  params!: Record<string, number>;
  @ApiProperty({ type: [FiguresGroupDto] })
  groups!: FiguresGroupDto[];
}

export class RecommendationListItemDto {
  @ApiProperty({ format: 'uuid' }) recommendationId!: string;
  @ApiProperty({ example: '8. BK / 2' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) conferenceId!: string;
  @ApiProperty({ example: '8. Bildungskonferenz' }) conference!: string;
  @ApiProperty({ example: '2018-11-20' }) adoptedOn!: string;
  @ApiProperty({ type: [String] }) fieldsOfAction!: string[];
  @ApiProperty({ example: 'in_progress' }) lifecycle!: string;
  @ApiProperty() stalled!: boolean;
  @ApiProperty({
    description:
      'Übergaben: Gremium, Zustand (pending, accepted, declined, withdrawn), decidedOn, answerDueOn (nur offene: decidedOn + 60 Tage), dueOn (aktueller Berichtstermin), overdue',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  committees!: { committeeId: string; name: string; state: string; decidedOn: string; answerDueOn: string | null; dueOn: string | null; overdue: boolean }[];
  @ApiProperty({ type: String, nullable: true, example: '2020-03-01' }) nextReportDueOn!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class RecommendationListResultDto {
  @ApiProperty({ example: '2021-06-30' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true }) knownAt!: string | null;
  @ApiProperty({ enum: ['replay', 'read_model'] }) source!: 'replay' | 'read_model';
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ type: [RecommendationListItemDto] }) items!: RecommendationListItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Als cursor für die nächste Seite; null auf der letzten' }) nextCursor!: string | null;
  @ApiProperty({ description: 'Anzahl aller passenden Empfehlungen auf allen Seiten', example: 42 }) total!: number;
}
