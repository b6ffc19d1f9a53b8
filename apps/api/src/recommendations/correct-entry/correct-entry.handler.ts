import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CorrectEntry, RecommendationId } from '@app/domain';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner, type WithoutMeta } from '../../command-pipeline/command-runner';

/** One variant per corrected event type, as in the domain. */
export type CorrectEntryData = CorrectEntry extends infer C ? (C extends { data: infer D } ? Omit<D, 'recommendationId'> : never) : never;

export class CorrectEntryCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: CorrectEntryData,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(CorrectEntryCommand)
export class CorrectEntryHandler implements ICommandHandler<CorrectEntryCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ recommendationId, data, request }: CorrectEntryCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: () => ({ type: 'CorrectEntry', data: { recommendationId, ...data } }) as WithoutMeta<CorrectEntry>,
    });
  }
}
