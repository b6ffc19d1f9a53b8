import { MAX } from '../../http/dto/limits';
import { Day, Text } from '../../http/dto/validators';

export class ReviseReportDueDateDto {
  @Day({ example: '2026-09-30', description: 'Neuer Berichtstermin; nicht vor dem Beschluss der Verlegung' })
  newDueOn!: string;

  @Text(MAX.reason, { example: 'Die Schulstatistik erscheint erst im September.' })
  reason!: string;

  @Day({ example: '2026-06-01', description: 'Beschluss des Lenkungskreises; nicht vor dem Beschluss der Übergabe, nicht in der Zukunft' })
  decidedOn!: string;
}
