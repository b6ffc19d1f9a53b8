import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeclineHandOff, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class DeclineHandOffCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<DeclineHandOff['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(DeclineHandOffCommand)
export class DeclineHandOffHandler implements ICommandHandler<DeclineHandOffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: DeclineHandOffCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'DeclineHandOff', data: { recommendationId, ...data } }),
    });
  }
}
