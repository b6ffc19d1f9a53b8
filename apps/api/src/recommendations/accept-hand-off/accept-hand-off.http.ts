import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AcceptHandOffDto } from './accept-hand-off.dto';
import { AcceptHandOffCommand } from './accept-hand-off.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class AcceptHandOffHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('AcceptHandOff')
  @CommandEndpoint(':recommendationId/hand-offs/:committeeId/acceptance', 'Übergabe annehmen', 'Durch das Gremium oder das Bildungsbüro in seinem Auftrag (als solches festgehalten).')
  async acceptHandOff(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: AcceptHandOffDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new AcceptHandOffCommand(recommendationId, { ...plain(body), committeeId }, request));
    return answerOf(recommendationId, outcome);
  }
}
