import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RegisterRegion, RegionId } from '@app/domain';
import { regionAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner } from '../../command-pipeline/command-runner';

export class RegisterRegionCommand extends Command<CommandOutcome> {
  constructor(
    readonly regionId: RegionId,
    readonly data: Omit<RegisterRegion['data'], 'regionId'>,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(RegisterRegionCommand)
export class RegisterRegionHandler implements ICommandHandler<RegisterRegionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ regionId, data, request }: RegisterRegionCommand): Promise<CommandOutcome> {
    return this.runner.run({ ...request, regionId }, {
      aggregate: regionAggregate,
      id: regionId,
      mode: 'create',
      command: () => ({ type: 'RegisterRegion', data: { regionId, ...data } }),
    });
  }
}
