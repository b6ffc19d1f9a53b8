import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommitteeId, RegisterCommittee } from '@app/domain';
import { committeeAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class RegisterCommitteeCommand extends Command<CommandOutcome> {
  constructor(
    readonly committeeId: CommitteeId,
    readonly data: Omit<RegisterCommittee['data'], 'committeeId' | 'regionId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(RegisterCommitteeCommand)
export class RegisterCommitteeHandler implements ICommandHandler<RegisterCommitteeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ committeeId, data, request }: RegisterCommitteeCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: committeeAggregate,
      id: committeeId,
      mode: 'create',
      command: () => ({ type: 'RegisterCommittee', data: { committeeId, regionId: request.regionId, ...data } }),
    });
  }
}
