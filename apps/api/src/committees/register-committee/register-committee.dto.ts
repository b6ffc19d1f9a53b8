import { COMMITTEE_KINDS, type CommitteeKind } from '@app/domain';
import { MAX } from '../../http/dto/limits';
import { Labels, OneOf, OptionalDay, Text } from '../../http/dto/validators';

export class RegisterCommitteeDto {
  @Text(MAX.name, { example: 'Fachgremium Übergang Schule/Beruf' })
  name!: string;

  @Text(MAX.shortName, { example: 'FG ÜSB' })
  shortName!: string;

  @OneOf(COMMITTEE_KINDS, { example: 'fachgremium' })
  kind!: CommitteeKind;

  @Labels({ example: ['Übergang Schule/Beruf'] })
  fieldsOfAction!: string[];

  @OptionalDay({ example: '2024-02-01', description: 'Tag der Einrichtung; Standard: heute' })
  effectiveOn?: string;
}
