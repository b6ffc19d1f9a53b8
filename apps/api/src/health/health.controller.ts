import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Pool } from 'pg';
import { Public } from '../auth/access.decorators';
import { BackupScheduler } from '../backup/backup-scheduler.service';
import { PG_POOL } from '../infrastructure/tokens';
import { ProjectorLagService } from '../projections/projector-lag.service';

@ApiTags('Betrieb')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly lag: ProjectorLagService,
    private readonly backups: BackupScheduler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Lebenszeichen: der Prozess antwortet' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Bereitschaft: Datenbank erreichbar, Projektionen höchstens 1.000 Ereignisse im Rückstand; dazu Zeit und Größe der letzten Sicherung' })
  ready() {
    return this.health.check([() => this.database(), () => this.projector(), () => this.backup()]);
  }

  /** Always up: a failed backup is the office's to fix, not a reason to take the API out of service. No paths, no messages (public). */
  private backup() {
    const s = this.backups.status();
    return this.indicator.check('backup').up({
      schedule: s.schedule,
      nextAt: s.nextAt,
      lastAt: s.last?.at ?? null,
      lastBytes: s.last?.bytes ?? null,
      lastPosition: s.last?.lastPosition ?? null,
      failedAt: s.failure?.at ?? null,
    });
  }

  private async projector() {
    const session = this.indicator.check('projector');
    try {
      const r = await this.lag.ready();
      const data = { lagEvents: r.lagEvents, position: r.position };
      return r.ready ? session.up(data) : session.down(data);
    } catch (e) {
      return session.down({ message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async database() {
    const session = this.indicator.check('database');
    try {
      await this.pool.query('SELECT 1');
      return session.up();
    } catch (e) {
      return session.down({ message: e instanceof Error ? e.message : String(e) });
    }
  }
}
