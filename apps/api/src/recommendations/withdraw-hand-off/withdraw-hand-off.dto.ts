import { MAX } from '../../http/dto/limits';
import { OptionalDay, Text } from '../../http/dto/validators';

export class WithdrawHandOffDto {
  @Text(MAX.reason, { example: 'Die Aufgabe wird einem anderen Gremium übertragen.' })
  reason!: string;

  @OptionalDay({ example: '2026-06-01', description: 'Standard: heute' })
  effectiveOn?: string;
}
