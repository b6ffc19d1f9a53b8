import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { derivedId } from '../../command-pipeline/derived-ids';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { DefineImpactIndicatorDto } from './define-indicator.dto';
import { DefineImpactIndicatorCommand } from './define-indicator.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class DefineImpactIndicatorHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('DefineImpactIndicator')
  @CommandEndpoint(':recommendationId/indicators', 'Wirkungsindikator festlegen', 'Ausgangswert, Ziel und Quelle; ohne indicatorId wird eine Kennung vergeben (in den geschriebenen Ereignissen).')
  async defineIndicator(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: DefineImpactIndicatorDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const data = plain(body);
    const indicatorId = data.indicatorId ?? derivedId(request.regionId, request.idempotencyKey, `indicator/${recommendationId}`);
    const outcome = await this.commands.execute(new DefineImpactIndicatorCommand(recommendationId, { ...data, indicatorId }, request));
    return answerOf(recommendationId, outcome);
  }
}
