import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { newAggregateId } from '../../command-pipeline/derived-ids';
import { plain } from '../../http/dto/plain';
import { RegisterCommitteeDto } from './register-committee.dto';
import { RegisterCommitteeCommand } from './register-committee.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Gremien')
@Controller('regions/:regionId/committees')
export class RegisterCommitteeHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('RegisterCommittee')
  @CommandEndpoint('', 'Gremium registrieren', 'Fachgremium, Ausschuss, Amt der Verwaltung oder externe Stelle.')
  async register(@Body() body: RegisterCommitteeDto, @CommandContext() request: CommandRequest): Promise<CommandAnswer> {
    const committeeId = newAggregateId(request.regionId, request.idempotencyKey, 'committee');
    const outcome = await this.commands.execute(new RegisterCommitteeCommand(committeeId, plain(body), request));
    return answerOf(committeeId, outcome, `/api/regions/${request.regionId}/committees/${committeeId}`);
  }
}
