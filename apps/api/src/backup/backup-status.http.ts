import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import type { BackupStatus } from './backup-status';
import { BackupScheduler } from './backup-scheduler.service';

@ApiTags('Betrieb')
@Controller('backup')
export class BackupStatusHttp {
  constructor(private readonly scheduler: BackupScheduler) {}

  @Get('status')
  @Allow('office')
  @ApiOperation({ summary: 'Stand der Sicherungen: Zeitplan, letzte Sicherung (Zeit, Größe), letzter Fehlschlag' })
  @ApiOkResponse({ description: 'schedule und nextAt null: keine geplanten Sicherungen (BACKUP_SCHEDULE nicht gesetzt).' })
  status(): BackupStatus {
    return this.scheduler.status();
  }
}
