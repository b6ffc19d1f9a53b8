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

@Module({
  imports: [CommandPipelineModule],
  controllers: [ContactsController, SentRemindersController, CalendarController],
  providers: [
    { provide: CommitteeContactsStore, inject: [PG_POOL], useFactory: (pool: Pool) => new CommitteeContactsStore(pool) },
    { provide: CalendarFeeds, inject: [PG_POOL], useFactory: (pool: Pool) => new CalendarFeeds(pool) },
    MailTransport,
    ReminderPass,
    ReminderScheduler,
  ],
  exports: [CommitteeContactsStore, ReminderPass],
})
export class RemindersModule {}
