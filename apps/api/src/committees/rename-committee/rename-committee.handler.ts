import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommitteeId, RenameCommittee } from '@app/domain';
import { committeeAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class RenameCommitteeCommand extends Command<CommandOutcome> {
  constructor(
    readonly committeeId: CommitteeId,
    readonly data: Omit<RenameCommittee['data'], 'committeeId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(RenameCommitteeCommand)
export class RenameCommitteeHandler implements ICommandHandler<RenameCommitteeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ committeeId, data, request }: RenameCommitteeCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: committeeAggregate,
      id: committeeId,
      mode: 'update',
      command: () => ({ type: 'RenameCommittee', data: { committeeId, ...data } }),
    });
  }
}
