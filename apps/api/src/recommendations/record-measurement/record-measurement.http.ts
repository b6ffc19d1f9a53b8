import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { RecordImpactMeasurementDto } from './record-measurement.dto';
import { RecordImpactMeasurementCommand } from './record-measurement.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class RecordImpactMeasurementHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('RecordImpactMeasurement')
  @CommandEndpoint(':recommendationId/indicators/:indicatorId/measurements', 'Messwert eines Wirkungsindikators erfassen')
  async recordMeasurement(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Param('indicatorId', UuidParamPipe) indicatorId: string,
    @Body() body: RecordImpactMeasurementDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new RecordImpactMeasurementCommand(recommendationId, { ...plain(body), indicatorId }, request));
    return answerOf(recommendationId, outcome);
  }
}
