import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { RescheduleConferenceDto } from './reschedule-conference.dto';
import { RescheduleConferenceCommand } from './reschedule-conference.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Bildungskonferenzen')
@Controller('regions/:regionId/conferences')
export class RescheduleConferenceHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('RescheduleConference')
  @CommandEndpoint(':conferenceId/rescheduling', 'Bildungskonferenz verlegen')
  async reschedule(
    @Param('conferenceId', UuidParamPipe) conferenceId: string,
    @Body() body: RescheduleConferenceDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    return answerOf(conferenceId, await this.commands.execute(new RescheduleConferenceCommand(conferenceId, plain(body), request)));
  }
}
