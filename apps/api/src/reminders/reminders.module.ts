import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { PG_POOL } from '../infrastructure/tokens';
import { CommitteeContactsStore } from './contacts/committee-contacts';
import { ContactsController } from './contacts/contacts.controller';
import { MailTransport } from './mail/transport';
import { ReminderPass } from './reminder-pass';
import { ReminderScheduler } from './reminder-scheduler';
import { SentRemindersController } from './sent-reminders.controller';

@Module({
  imports: [CommandPipelineModule],
  controllers: [ContactsController, SentRemindersController],
  providers: [
    { provide: CommitteeContactsStore, inject: [PG_POOL], useFactory: (pool: Pool) => new CommitteeContactsStore(pool) },
    MailTransport,
    ReminderPass,
    ReminderScheduler,
  ],
  exports: [CommitteeContactsStore, ReminderPass],
})
export class RemindersModule {}
