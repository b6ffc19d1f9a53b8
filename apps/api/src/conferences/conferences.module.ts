import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { GetConferenceHttp } from './get-conference/get-conference.http';
import { HoldConferenceHandler } from './hold-conference/hold-conference.handler';
import { HoldConferenceHttp } from './hold-conference/hold-conference.http';
import { RescheduleConferenceHandler } from './reschedule-conference/reschedule-conference.handler';
import { RescheduleConferenceHttp } from './reschedule-conference/reschedule-conference.http';
import { ScheduleConferenceHandler } from './schedule-conference/schedule-conference.handler';
import { ScheduleConferenceHttp } from './schedule-conference/schedule-conference.http';

@Module({
  imports: [CommandPipelineModule],
  controllers: [ScheduleConferenceHttp, HoldConferenceHttp, RescheduleConferenceHttp, GetConferenceHttp],
  providers: [ScheduleConferenceHandler, HoldConferenceHandler, RescheduleConferenceHandler],
})
export class ConferencesModule {}
