import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { HoldConferenceDto } from './hold-conference.dto';
import { HoldConferenceCommand } from './hold-conference.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Bildungskonferenzen')
@Controller('regions/:regionId/conferences')
export class HoldConferenceHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('HoldConference')
  @CommandEndpoint(':conferenceId/held', 'Durchführung einer Bildungskonferenz festhalten')
  async hold(
    @Param('conferenceId', UuidParamPipe) conferenceId: string,
    @Body() body: HoldConferenceDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    return answerOf(conferenceId, await this.commands.execute(new HoldConferenceCommand(conferenceId, plain(body), request)));
  }
}
