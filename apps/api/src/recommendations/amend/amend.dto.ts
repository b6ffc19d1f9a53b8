import { MAX } from '../../http/dto/limits';
import { OptionalDay, OptionalLabels, OptionalText, Text } from '../../http/dto/validators';

/** Only what changes; at least one of title, text, fieldsOfAction must differ from the current text. */
export class AmendRecommendationDto {
  @OptionalText(MAX.title, { example: 'Berufsorientierung ab Klasse 7 verbindlich verankern' })
  title?: string;

  @OptionalText(MAX.text, { example: 'Die Bildungskonferenz empfiehlt, an allen weiterführenden Schulen ab Klasse 7 …' })
  text?: string;

  @OptionalLabels({ example: ['Übergang Schule/Beruf', 'Inklusion'] })
  fieldsOfAction?: string[];

  @Text(MAX.reason, { example: 'Redaktionelle Anpassung nach Beschluss des Lenkungskreises' })
  reason!: string;

  @OptionalDay({ example: '2026-04-02', description: 'Gültig ab; Standard: heute' })
  effectiveOn?: string;
}
