import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WithdrawRecommendation, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class WithdrawRecommendationCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<WithdrawRecommendation['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(WithdrawRecommendationCommand)
export class WithdrawRecommendationHandler implements ICommandHandler<WithdrawRecommendationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: WithdrawRecommendationCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'WithdrawRecommendation', data: { recommendationId, ...data } }),
    });
  }
}
