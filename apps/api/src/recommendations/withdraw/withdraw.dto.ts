import { MAX } from '../../http/dto/limits';
import { OptionalDay, Text } from '../../http/dto/validators';

export class WithdrawRecommendationDto {
  @Text(MAX.reason, { example: 'Durch Landesprogramm „Kein Abschluss ohne Anschluss“ erledigt.' })
  reason!: string;

  @OptionalDay({ example: '2026-06-01', description: 'Standard: heute' })
  effectiveOn?: string;
}
