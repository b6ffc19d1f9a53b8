import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { HandOffRecommendation, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';
import { FactsReader } from '../../command-pipeline/facts';

export class HandOffRecommendationCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<HandOffRecommendation['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(HandOffRecommendationCommand)
export class HandOffRecommendationHandler implements ICommandHandler<HandOffRecommendationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: FactsReader,
  ) {}

  execute({ recommendationId, data, request }: HandOffRecommendationCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: async () => {
        const committee = await this.facts.committee(data.committeeId);
        return { type: 'HandOffRecommendation', data: { recommendationId, ...data }, context: committee ? { committee } : {} };
      },
    });
  }
}
