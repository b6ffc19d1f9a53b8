import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AmendRecommendation, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class AmendRecommendationCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<AmendRecommendation['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(AmendRecommendationCommand)
export class AmendRecommendationHandler implements ICommandHandler<AmendRecommendationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: AmendRecommendationCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'AmendRecommendation', data: { recommendationId, ...data } }),
    });
  }
}
