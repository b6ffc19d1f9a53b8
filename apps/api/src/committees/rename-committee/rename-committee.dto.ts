import { MAX } from '../../http/dto/limits';
import { OptionalDay, Text } from '../../http/dto/validators';

export class RenameCommitteeDto {
  @Text(MAX.name, { example: 'Fachgremium Übergang Schule/Beruf und Ausbildung' })
  name!: string;

  @Text(MAX.shortName, { example: 'FG ÜSBA' })
  shortName!: string;

  @OptionalDay({ example: '2025-09-01', description: 'Gültig ab; Standard: heute' })
  effectiveOn?: string;
}
