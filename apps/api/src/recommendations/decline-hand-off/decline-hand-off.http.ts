import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { DeclineHandOffDto } from './decline-hand-off.dto';
import { DeclineHandOffCommand } from './decline-hand-off.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class DeclineHandOffHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('DeclineHandOff')
  @CommandEndpoint(':recommendationId/hand-offs/:committeeId/decline', 'Übergabe ablehnen', 'Durch das Gremium oder das Bildungsbüro in seinem Auftrag, mit Begründung.')
  async declineHandOff(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: DeclineHandOffDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new DeclineHandOffCommand(recommendationId, { ...plain(body), committeeId }, request));
    return answerOf(recommendationId, outcome);
  }
}
