import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AllowCommand } from '../../auth/access.decorators';
import { ReviseReportDueDateDto } from './revise-due-date.dto';
import { ReviseReportDueDateCommand } from './revise-due-date.handler';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class ReviseReportDueDateHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('ReviseReportDueDate')
  @CommandEndpoint(
    ':recommendationId/hand-offs/:committeeId/due-date-revisions',
    'Berichtstermin verlegen',
    'Durch den Lenkungskreis (oder das Bildungsbüro in seinem Auftrag), mit Begründung; der ursprüngliche Termin bleibt in der Historie.',
  )
  async reviseDueDate(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: ReviseReportDueDateDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new ReviseReportDueDateCommand(recommendationId, { ...plain(body), committeeId }, request));
    return answerOf(recommendationId, outcome);
  }
}
