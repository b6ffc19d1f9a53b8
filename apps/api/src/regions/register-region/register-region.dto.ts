import { Day, Text, Uuid } from '../../http/dto/validators';
import { MAX } from '../../http/dto/limits';

export class RegisterRegionDto {
  /** Chosen when the office's first account was created (npm run user:create -- --region <uuid>); the account must name it. */
  @Uuid({ description: 'Kennung der neuen Bildungsregion; das Konto des Bildungsbüros muss sie nennen (npm run user:create -- --region …)' })
  regionId!: string;

  @Text(MAX.name, { example: 'Regionales Bildungsnetzwerk Düsseldorf' })
  name!: string;

  @Day({ example: '2009-08-24', description: 'Tag der Unterzeichnung des Kooperationsvertrags' })
  contractSignedOn!: string;
}
