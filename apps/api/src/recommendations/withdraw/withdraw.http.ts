import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WithdrawRecommendationDto } from './withdraw.dto';
import { WithdrawRecommendationCommand } from './withdraw.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class WithdrawRecommendationHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('WithdrawRecommendation')
  @CommandEndpoint(':recommendationId/withdrawal', 'Empfehlung zurückziehen', 'Durch den Lenkungskreis; danach nur noch Berichte an die Konferenz und Korrekturen.')
  async withdraw(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: WithdrawRecommendationDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new WithdrawRecommendationCommand(recommendationId, plain(body), request));
    return answerOf(recommendationId, outcome);
  }
}
