import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { answerOf, type CommandAnswer } from '../../command-pipeline/command-answer';
import { CommandContext } from '../../command-pipeline/command-context.decorator';
import { CommandEndpoint } from '../../command-pipeline/command-endpoint.decorator';
import type { CommandRequest } from '../../command-pipeline/command-request';
import { plain } from '../../http/dto/plain';
import { RegisterRegionDto } from './register-region.dto';
import { RegisterRegionCommand } from './register-region.handler';
import { AllowCommand } from '../../auth/access.decorators';

@ApiTags('Bildungsregionen')
@Controller('regions')
export class RegisterRegionHttp {
  constructor(private readonly commands: CommandBus) {}

  @AllowCommand('RegisterRegion')
  @CommandEndpoint('', 'Bildungsregion registrieren', 'Legt ein Regionales Bildungsnetzwerk an (Mandant).')
  async register(@Body() body: RegisterRegionDto, @CommandContext() request: CommandRequest): Promise<CommandAnswer> {
    // The id is the caller's: the office's account names the region before it is registered.
    const regionId = body.regionId.toLowerCase();
    const { regionId: _id, ...data } = plain(body);
    const outcome = await this.commands.execute(new RegisterRegionCommand(regionId, data, request));
    return answerOf(regionId, outcome, `/api/regions/${regionId}`);
  }
}
