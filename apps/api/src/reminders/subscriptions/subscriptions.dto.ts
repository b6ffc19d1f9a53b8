import { ApiProperty } from '@nestjs/swagger';
import { FOLLOW_MODES, FOLLOW_TARGETS, type FollowMode, type FollowTarget } from '@app/figures';
import { OneOf, Uuid } from '../../http/dto/validators';

export class FollowDto {
  @OneOf(FOLLOW_TARGETS, { description: 'Was gefolgt wird: eine Empfehlung, ein Gremium (seine Übergaben, Antworten, Berichte) oder eine Bildungskonferenz (die Änderungen ihrer Empfehlungen)' })
  targetType!: FollowTarget;

  @Uuid({ description: 'Die Empfehlung, das Gremium oder die Konferenz' })
  targetId!: string;

  @OneOf(FOLLOW_MODES, { description: 'change: eine Mail bei jeder Änderung; daily: eine tägliche Zusammenfassung am Folgetag' })
  mode!: FollowMode;
}

export class SubscriptionView {
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({ enum: FOLLOW_TARGETS }) targetType!: FollowTarget;
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty({ description: '„9. BK / 3 Sprachförderung …“, „Schulausschuss“, „9. Bildungskonferenz“' }) targetName!: string;
  @ApiProperty({ enum: FOLLOW_MODES }) mode!: FollowMode;
  @ApiProperty() createdAt!: string;
}

export class SubscriptionListView {
  @ApiProperty({ type: [SubscriptionView] }) subscriptions!: SubscriptionView[];
}
