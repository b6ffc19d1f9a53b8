import { MAX } from '../../http/dto/limits';
import { OptionalDay, Text, Uuid } from '../../http/dto/validators';

export class SupersedeRecommendationDto {
  @Uuid({ description: 'Die nachfolgende Empfehlung in derselben Bildungsregion' })
  successorId!: string;

  @Text(MAX.reason, { example: 'Durch die Empfehlung der 10. Bildungskonferenz ersetzt.' })
  reason!: string;

  @OptionalDay({ example: '2027-03-10', description: 'Standard: heute' })
  effectiveOn?: string;
}
