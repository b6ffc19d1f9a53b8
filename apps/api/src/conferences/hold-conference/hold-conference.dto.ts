import { Day } from '../../http/dto/validators';

export class HoldConferenceDto {
  @Day({ example: '2026-03-12', description: 'Tag, an dem die Konferenz stattfand' })
  heldOn!: string;
}
