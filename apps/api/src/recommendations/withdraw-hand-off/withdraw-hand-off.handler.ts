import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WithdrawHandOff, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class WithdrawHandOffCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<WithdrawHandOff['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(WithdrawHandOffCommand)
export class WithdrawHandOffHandler implements ICommandHandler<WithdrawHandOffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: WithdrawHandOffCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'WithdrawHandOff', data: { recommendationId, ...data } }),
    });
  }
}
