import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommitteeId, DissolveCommittee } from '@app/domain';
import { committeeAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';
import { FactsReader } from '../../command-pipeline/facts';

export class DissolveCommitteeCommand extends Command<CommandOutcome> {
  constructor(
    readonly committeeId: CommitteeId,
    readonly data: Omit<DissolveCommittee['data'], 'committeeId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(DissolveCommitteeCommand)
export class DissolveCommitteeHandler implements ICommandHandler<DissolveCommitteeCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: FactsReader,
  ) {}

  execute({ committeeId, data, request }: DissolveCommitteeCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: committeeAggregate,
      id: committeeId,
      mode: 'update',
      command: async () => {
        const successor = await this.facts.committee(data.successorCommitteeId);
        return { type: 'DissolveCommittee', data: { committeeId, ...data }, context: successor ? { successor } : {} };
      },
    });
  }
}
