import { MAX } from '../../http/dto/limits';
import { Day, OptionalText } from '../../http/dto/validators';

export class AcceptHandOffDto {
  @Day({ example: '2026-05-04', description: 'Tag der Annahme' })
  on!: string;

  @OptionalText(MAX.contact, { example: 'Frau Schneider, Amt für Schule und Bildung' })
  contact?: string;
}
