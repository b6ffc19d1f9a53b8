import { MAX } from '../../http/dto/limits';
import { Day, OptionalDay, Text } from '../../http/dto/validators';

export class RescheduleConferenceDto {
  @Day({ example: '2026-04-23', description: 'Neuer geplanter Tag; darf in der Zukunft liegen' })
  date!: string;

  @Text(MAX.reason, { example: 'Terminüberschneidung mit der Ratssitzung' })
  reason!: string;

  @OptionalDay({ example: '2026-01-15', description: 'Tag der Entscheidung; Standard: heute' })
  effectiveOn?: string;
}
