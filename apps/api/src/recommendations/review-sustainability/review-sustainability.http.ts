import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { ReviewSustainabilityDto } from './review-sustainability.dto';
import { ReviewSustainabilityCommand } from './review-sustainability.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class ReviewSustainabilityHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('ReviewSustainability')
  @CommandEndpoint(':recommendationId/sustainability-reviews', 'Nachhaltigkeitsprüfung festhalten', 'Durch den Lenkungskreis; setzt eine (teilweise) umgesetzte Zuständigkeit voraus.')
  async reviewSustainability(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: ReviewSustainabilityDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new ReviewSustainabilityCommand(recommendationId, plain(body), request));
    return answerOf(recommendationId, outcome);
  }
}
