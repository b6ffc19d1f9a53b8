import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { newAggregateId } from '../../command-pipeline/derived-ids';
import { plain } from '../../http/dto/plain';
import { AdoptRecommendationDto } from './adopt.dto';
import { AdoptRecommendationCommand } from './adopt.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class AdoptRecommendationHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('AdoptRecommendation')
  @CommandEndpoint('', 'Beschlossene Empfehlung erfassen', 'Eine von der Bildungskonferenz beschlossene Empfehlung (Bildungsbüro).')
  async adopt(@Body() body: AdoptRecommendationDto, @CommandContext() request: CommandRequest): Promise<CommandAnswer> {
    const recommendationId = newAggregateId(request.regionId, request.idempotencyKey, 'recommendation');
    const outcome = await this.commands.execute(new AdoptRecommendationCommand(recommendationId, plain(body), request));
    return answerOf(recommendationId, outcome, `/api/regions/${request.regionId}/recommendations/${recommendationId}`);
  }
}
