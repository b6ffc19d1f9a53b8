import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ConferenceId, HoldConference } from '@app/domain';
import { conferenceAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class HoldConferenceCommand extends Command<CommandOutcome> {
  constructor(
    readonly conferenceId: ConferenceId,
    readonly data: Omit<HoldConference['data'], 'conferenceId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(HoldConferenceCommand)
export class HoldConferenceHandler implements ICommandHandler<HoldConferenceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ conferenceId, data, request }: HoldConferenceCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: conferenceAggregate,
      id: conferenceId,
      mode: 'update',
      command: () => ({ type: 'HoldConference', data: { conferenceId, ...data } }),
    });
  }
}
