import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AdoptRecommendation, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';
import { FactsReader } from '../../command-pipeline/facts';

export class AdoptRecommendationCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<AdoptRecommendation['data'], 'recommendationId' | 'regionId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(AdoptRecommendationCommand)
export class AdoptRecommendationHandler implements ICommandHandler<AdoptRecommendationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: FactsReader,
  ) {}

  execute({ recommendationId, data, request }: AdoptRecommendationCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'create',
      command: async () => {
        const conference = await this.facts.conference(data.conferenceId);
        const committees = await this.facts.committees([...data.addressees.committeeIds, ...data.originCommitteeIds]);
        return {
          type: 'AdoptRecommendation',
          data: { recommendationId, regionId: request.regionId, ...data },
          context: conference ? { conference, committees } : { committees },
        };
      },
    });
  }
}
