import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { RenameCommitteeDto } from './rename-committee.dto';
import { RenameCommitteeCommand } from './rename-committee.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Gremien')
@Controller('regions/:regionId/committees')
export class RenameCommitteeHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('RenameCommittee')
  @CommandEndpoint(':committeeId/renaming', 'Gremium umbenennen')
  async rename(
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: RenameCommitteeDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    return answerOf(committeeId, await this.commands.execute(new RenameCommitteeCommand(committeeId, plain(body), request)));
  }
}
