import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WithdrawHandOffDto } from './withdraw-hand-off.dto';
import { WithdrawHandOffCommand } from './withdraw-hand-off.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class WithdrawHandOffHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('WithdrawHandOff')
  @CommandEndpoint(':recommendationId/hand-offs/:committeeId/withdrawal', 'Übergabe zurücknehmen', 'Durch den Lenkungskreis, mit Begründung.')
  async withdrawHandOff(
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: WithdrawHandOffDto,
    @CommandContext() request: CommandRequest,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new WithdrawHandOffCommand(recommendationId, { ...plain(body), committeeId }, request));
    return answerOf(recommendationId, outcome);
  }
}
