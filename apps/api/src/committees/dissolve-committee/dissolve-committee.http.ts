import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { DissolveCommitteeDto } from './dissolve-committee.dto';
import { DissolveCommitteeCommand } from './dissolve-committee.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Gremien')
@Controller('regions/:regionId/committees')
export class DissolveCommitteeHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('DissolveCommittee')
  @CommandEndpoint(':committeeId/dissolution', 'Gremium auflösen', 'Optional mit Nachfolgegremium.')
  async dissolve(
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: DissolveCommitteeDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    return answerOf(committeeId, await this.commands.execute(new DissolveCommitteeCommand(committeeId, plain(body), request)));
  }
}
