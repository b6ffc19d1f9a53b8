import { MAX } from '../../http/dto/limits';
import { Day, OptionalText, Text, Uuid } from '../../http/dto/validators';

export class HandOffRecommendationDto {
  @Uuid({ description: 'Das Gremium, das die Empfehlung bearbeiten soll' })
  committeeId!: string;

  @Text(MAX.mandate, { example: 'Konzept zur Umsetzung erarbeiten und dem Lenkungskreis berichten' })
  mandate!: string;

  @Day({ example: '2026-09-30', description: 'Berichtstermin; darf in der Zukunft liegen, nicht vor dem Beschluss' })
  reportDueOn!: string;

  @Day({ example: '2026-04-15', description: 'Tag des Beschlusses des Lenkungskreises' })
  decidedOn!: string;

  @OptionalText(MAX.label, { example: 'LK 2026/04 TOP 3' })
  decisionReference?: string;
}
