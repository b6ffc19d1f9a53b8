import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AmendRecommendationDto } from './amend.dto';
import { AmendRecommendationCommand } from './amend.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class AmendRecommendationHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('AmendRecommendation')
  @CommandEndpoint(':recommendationId/amendments', 'Empfehlung ändern', 'Neuer Wortlaut, Titel oder Handlungsfelder mit Begründung (Bildungsbüro). Das Original bleibt in der Historie.')
  async amend(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: AmendRecommendationDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new AmendRecommendationCommand(recommendationId, plain(body), request));
    return answerOf(recommendationId, outcome);
  }
}
