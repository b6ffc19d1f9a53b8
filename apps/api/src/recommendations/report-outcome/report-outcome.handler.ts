import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportOutcomeToConference, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';
import { FactsReader } from '../../command-pipeline/facts';

export class ReportOutcomeToConferenceCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<ReportOutcomeToConference['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ReportOutcomeToConferenceCommand)
export class ReportOutcomeToConferenceHandler implements ICommandHandler<ReportOutcomeToConferenceCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: FactsReader,
  ) {}

  execute({ recommendationId, data, request }: ReportOutcomeToConferenceCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: async () => {
        const conference = await this.facts.conference(data.conferenceId);
        return { type: 'ReportOutcomeToConference', data: { recommendationId, ...data }, context: conference ? { conference } : {} };
      },
    });
  }
}
