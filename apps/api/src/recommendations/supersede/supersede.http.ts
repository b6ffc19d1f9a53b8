import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { SupersedeRecommendationDto } from './supersede.dto';
import { SupersedeRecommendationCommand } from './supersede.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class SupersedeRecommendationHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('SupersedeRecommendation')
  @CommandEndpoint(':recommendationId/supersession', 'Empfehlung durch eine andere ersetzen')
  async supersede(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: SupersedeRecommendationDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new SupersedeRecommendationCommand(recommendationId, plain(body), request));
    return answerOf(recommendationId, outcome);
  }
}
