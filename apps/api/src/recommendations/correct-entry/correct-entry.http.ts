import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { CorrectEntryDto } from './correct-entry.dto';
import { CorrectEntryCommand, type CorrectEntryData } from './correct-entry.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class CorrectEntryHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('CorrectEntry')
  @CommandEndpoint(
    ':recommendationId/corrections',
    'Eintrag berichtigen',
    'Das Original bleibt unverändert; die Berichtigung steht daneben und wird beim Lesen angewandt (Bildungsbüro).',
  )
  async correctEntry(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Body() body: CorrectEntryDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new CorrectEntryCommand(recommendationId, plain(body) as CorrectEntryData, request));
    return answerOf(recommendationId, outcome);
  }
}
