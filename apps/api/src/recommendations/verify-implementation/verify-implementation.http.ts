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
import { VerifyImplementationDto } from './verify-implementation.dto';
import { VerifyImplementationCommand } from './verify-implementation.handler';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class VerifyImplementationHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('VerifyImplementation')
  @CommandEndpoint(
    ':recommendationId/hand-offs/:committeeId/verifications',
    'Umsetzung prüfen',
    'Vier Augen: der Lenkungskreis oder das Bildungsbüro bestätigt eine Meldung „umgesetzt“ oder gibt sie mit Vermerk zur Nachbesserung zurück.',
  )
  async verify(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: VerifyImplementationDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new VerifyImplementationCommand(recommendationId, { ...plain(body), committeeId }, request));
    return answerOf(recommendationId, outcome);
  }
}
