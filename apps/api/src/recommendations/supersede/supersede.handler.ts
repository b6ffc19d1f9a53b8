import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SupersedeRecommendation, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';
import { FactsReader } from '../../command-pipeline/facts';

export class SupersedeRecommendationCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<SupersedeRecommendation['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(SupersedeRecommendationCommand)
export class SupersedeRecommendationHandler implements ICommandHandler<SupersedeRecommendationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: FactsReader,
  ) {}

  execute({ recommendationId, data, request }: SupersedeRecommendationCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: async () => {
        const successor = await this.facts.recommendation(data.successorId);
        return { type: 'SupersedeRecommendation', data: { recommendationId, ...data }, context: successor ? { successor } : {} };
      },
    });
  }
}
