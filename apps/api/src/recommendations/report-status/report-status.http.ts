import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { ReportImplementationStatusDto } from './report-status.dto';
import { ReportImplementationStatusCommand } from './report-status.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class ReportImplementationStatusHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('ReportImplementationStatus')
  @CommandEndpoint(':recommendationId/status-reports', 'Umsetzungsstand berichten', 'Sachstandsbericht eines Gremiums mit angenommener Übergabe.')
  async reportStatus(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: ReportImplementationStatusDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new ReportImplementationStatusCommand(recommendationId, plain(body), request));
    return answerOf(recommendationId, outcome);
  }
}
