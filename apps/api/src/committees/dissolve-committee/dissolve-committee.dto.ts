import { Day, OptionalUuid } from '../../http/dto/validators';

export class DissolveCommitteeDto {
  @Day({ example: '2025-12-31', description: 'Tag der Auflösung' })
  dissolvedOn!: string;

  @OptionalUuid({ description: 'Nachfolgegremium in derselben Bildungsregion' })
  successorCommitteeId?: string;
}
