import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { COMMAND_ROLES } from '@app/domain';
import { EVENT_TYPE_LABEL } from '@app/figures';
import { Public } from '../auth/access.decorators';

/**
 * The words and permissions the web interface shows, from their one definition: it keeps no copy
 * of them, so a new event type or command reaches its lists without a change there.
 */
@ApiTags('Betrieb')
@Public()
@Controller('vocabulary')
export class VocabularyController {
  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Wortschatz der Oberfläche: deutsche Namen der Ereignistypen und welche Rollen welchen Befehl erteilen dürfen' })
  vocabulary(): { eventTypes: Record<string, string>; commandRoles: Record<string, readonly string[]> } {
    return { eventTypes: EVENT_TYPE_LABEL, commandRoles: COMMAND_ROLES };
  }
}
