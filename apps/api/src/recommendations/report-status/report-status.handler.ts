import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportImplementationStatus, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class ReportImplementationStatusCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<ReportImplementationStatus['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ReportImplementationStatusCommand)
export class ReportImplementationStatusHandler implements ICommandHandler<ReportImplementationStatusCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: ReportImplementationStatusCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'ReportImplementationStatus', data: { recommendationId, ...data } }),
    });
  }
}
