import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { newAggregateId } from '../../command-pipeline/derived-ids';
import { plain } from '../../http/dto/plain';
import { ScheduleConferenceDto } from './schedule-conference.dto';
import { ScheduleConferenceCommand } from './schedule-conference.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Bildungskonferenzen')
@Controller('regions/:regionId/conferences')
export class ScheduleConferenceHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('ScheduleConference')
  @CommandEndpoint('', 'Bildungskonferenz anlegen', 'Legt eine Bildungskonferenz oder einen Tag der Bildung mit geplantem Datum an.')
  async schedule(@Body() body: ScheduleConferenceDto, @CommandContext() request: CommandRequest): Promise<CommandAnswer> {
    const conferenceId = newAggregateId(request.regionId, request.idempotencyKey, 'conference');
    const outcome = await this.commands.execute(new ScheduleConferenceCommand(conferenceId, plain(body), request));
    return answerOf(conferenceId, outcome, `/api/regions/${request.regionId}/conferences/${conferenceId}`);
  }
}
