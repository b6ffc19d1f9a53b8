import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ConferenceId, RescheduleConference } from '@app/domain';
import { conferenceAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class RescheduleConferenceCommand extends Command<CommandOutcome> {
  constructor(
    readonly conferenceId: ConferenceId,
    readonly data: Omit<RescheduleConference['data'], 'conferenceId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(RescheduleConferenceCommand)
export class RescheduleConferenceHandler implements ICommandHandler<RescheduleConferenceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ conferenceId, data, request }: RescheduleConferenceCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: conferenceAggregate,
      id: conferenceId,
      mode: 'update',
      command: () => ({ type: 'RescheduleConference', data: { conferenceId, ...data } }),
    });
  }
}
