import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { HandOffRecommendationDto } from './hand-off.dto';
import { HandOffRecommendationCommand } from './hand-off.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class HandOffRecommendationHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('HandOffRecommendation')
  @CommandEndpoint(':recommendationId/hand-offs', 'Empfehlung an ein Gremium übergeben', 'Auftrag des Lenkungskreises mit Berichtstermin.')
  async handOff(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: HandOffRecommendationDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new HandOffRecommendationCommand(recommendationId, plain(body), request));
    return answerOf(recommendationId, outcome);
  }
}
