import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ConferenceId, ScheduleConference } from '@app/domain';
import { conferenceAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class ScheduleConferenceCommand extends Command<CommandOutcome> {
  constructor(
    readonly conferenceId: ConferenceId,
    readonly data: Omit<ScheduleConference['data'], 'conferenceId' | 'regionId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ScheduleConferenceCommand)
export class ScheduleConferenceHandler implements ICommandHandler<ScheduleConferenceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ conferenceId, data, request }: ScheduleConferenceCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: conferenceAggregate,
      id: conferenceId,
      mode: 'create',
      command: () => ({ type: 'ScheduleConference', data: { conferenceId, regionId: request.regionId, ...data } }),
    });
  }
}
