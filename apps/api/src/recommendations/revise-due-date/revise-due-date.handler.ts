import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RecommendationId, ReviseReportDueDate } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class ReviseReportDueDateCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<ReviseReportDueDate['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ReviseReportDueDateCommand)
export class ReviseReportDueDateHandler implements ICommandHandler<ReviseReportDueDateCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: ReviseReportDueDateCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'ReviseReportDueDate', data: { recommendationId, ...data } }),
    });
  }
}
