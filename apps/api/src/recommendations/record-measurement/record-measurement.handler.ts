import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RecordImpactMeasurement, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class RecordImpactMeasurementCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<RecordImpactMeasurement['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(RecordImpactMeasurementCommand)
export class RecordImpactMeasurementHandler implements ICommandHandler<RecordImpactMeasurementCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: RecordImpactMeasurementCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'RecordImpactMeasurement', data: { recommendationId, ...data } }),
    });
  }
}
