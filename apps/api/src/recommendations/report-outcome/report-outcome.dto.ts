import { MAX } from '../../http/dto/limits';
import { OptionalDay, Text, Uuid } from '../../http/dto/validators';

export class ReportOutcomeToConferenceDto {
  @Uuid({ description: 'Die spätere Bildungskonferenz, der berichtet wird' })
  conferenceId!: string;

  @Text(MAX.summary, { example: 'Die Empfehlung ist an allen weiterführenden Schulen umgesetzt.' })
  summary!: string;

  @OptionalDay({ example: '2027-03-10', description: 'Standard: heute' })
  effectiveOn?: string;
}
