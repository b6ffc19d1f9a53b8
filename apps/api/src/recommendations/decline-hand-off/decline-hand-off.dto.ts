import { MAX } from '../../http/dto/limits';
import { Day, Text } from '../../http/dto/validators';

export class DeclineHandOffDto {
  @Day({ example: '2026-05-04', description: 'Tag der Ablehnung' })
  on!: string;

  @Text(MAX.reason, { example: 'Das Thema liegt außerhalb der Zuständigkeit des Gremiums.' })
  reason!: string;
}
