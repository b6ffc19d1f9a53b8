import { Day, Text } from '../../http/dto/validators';
import { MAX } from '../../http/dto/limits';

export class RegisterRegionDto {
  @Text(MAX.name, { example: 'Regionales Bildungsnetzwerk Düsseldorf' })
  name!: string;

  @Day({ example: '2009-08-24', description: 'Tag der Unterzeichnung des Kooperationsvertrags' })
  contractSignedOn!: string;
}
