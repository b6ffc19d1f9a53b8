import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { PG_POOL } from '../infrastructure/tokens';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarFeeds } from './calendar/calendar-feeds';
import { CommitteeContactsStore } from './contacts/committee-contacts';
import { ContactsController } from './contacts/contacts.controller';
import { MailTransport } from './mail/transport';
import { ReminderPass } from './reminder-pass';
import { ReminderScheduler } from './reminder-scheduler';
import { SentRemindersController } from './sent-reminders.controller';
import { FollowPass } from './subscriptions/follow-pass';
import { SubscriptionStore } from './subscriptions/subscription-store';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { UnsubscribeController } from './subscriptions/unsubscribe.controller';

@Module({
  imports: [CommandPipelineModule],
  controllers: [ContactsController, SentRemindersController, CalendarController, SubscriptionsController, UnsubscribeController],
  providers: [
    { provide: CommitteeContactsStore, inject: [PG_POOL], useFactory: (pool: Pool) => new CommitteeContactsStore(pool) },
    { provide: CalendarFeeds, inject: [PG_POOL], useFactory: (pool: Pool) => new CalendarFeeds(pool) },
    { provide: SubscriptionStore, inject: [PG_POOL], useFactory: (pool: Pool) => new SubscriptionStore(pool) },
    FollowPass,
    MailTransport,
    ReminderPass,
    ReminderScheduler,
  ],
  exports: [CommitteeContactsStore, ReminderPass],
})
export class RemindersModule {}
