import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RecommendationId, UserId, VerifyImplementation } from '@app/domain';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class VerifyImplementationCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: Omit<VerifyImplementation['data'], 'recommendationId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(VerifyImplementationCommand)
export class VerifyImplementationHandler implements ICommandHandler<VerifyImplementationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: AggregateReader,
  ) {}

  execute({ recommendationId, data, request }: VerifyImplementationCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: async () => {
        const claimReportedBy = await this.claimReporter(recommendationId, data.committeeId);
        return { type: 'VerifyImplementation', data: { recommendationId, ...data }, context: claimReportedBy ? { claimReportedBy } : {} };
      },
    });
  }

  /** The account that recorded the claim's report, from the report event's metadata (four eyes). */
  private async claimReporter(recommendationId: string, committeeId: string): Promise<UserId | undefined> {
    const loaded = await this.reader.load(recommendationAggregate, recommendationId);
    if (loaded.state.status === 'none') return undefined;
    const eventId = loaded.state.assignments[committeeId]?.latestReport?.eventId;
    const event = eventId === undefined ? undefined : loaded.events.find((e) => e.id === eventId);
    const actor = (event?.metadata as { actor?: { userId?: string } } | undefined)?.actor;
    return actor?.userId;
  }
}
