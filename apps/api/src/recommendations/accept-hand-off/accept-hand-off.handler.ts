import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AcceptHandOff, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class AcceptHandOffCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<AcceptHandOff['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(AcceptHandOffCommand)
export class AcceptHandOffHandler implements ICommandHandler<AcceptHandOffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: AcceptHandOffCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'AcceptHandOff', data: { recommendationId, ...data } }),
    });
  }
}
