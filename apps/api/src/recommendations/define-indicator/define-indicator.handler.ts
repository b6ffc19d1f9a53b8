import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DefineImpactIndicator, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class DefineImpactIndicatorCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<DefineImpactIndicator['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(DefineImpactIndicatorCommand)
export class DefineImpactIndicatorHandler implements ICommandHandler<DefineImpactIndicatorCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: DefineImpactIndicatorCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'DefineImpactIndicator', data: { recommendationId, ...data } }),
    });
  }
}
