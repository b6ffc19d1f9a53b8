import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReviewSustainability, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class ReviewSustainabilityCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<ReviewSustainability['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ReviewSustainabilityCommand)
export class ReviewSustainabilityHandler implements ICommandHandler<ReviewSustainabilityCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: ReviewSustainabilityCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'ReviewSustainability', data: { recommendationId, ...data } }),
    });
  }
}
