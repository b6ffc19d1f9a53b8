import { DynamicModule, Module } from '@nestjs/common';
import { BackupMetrics } from './backup-metrics';
import { BACKUP_DATABASE_URL, BackupScheduler } from './backup-scheduler.service';
import { BackupStatusHttp } from './backup-status.http';

/** Scheduled backups and their status (readiness, metrics, the office's notice). */
@Module({})
export class BackupModule {
  static forUrl(ownerUrl: string): DynamicModule {
    return {
      module: BackupModule,
      global: true,
      providers: [{ provide: BACKUP_DATABASE_URL, useValue: ownerUrl }, BackupScheduler, BackupMetrics],
      controllers: [BackupStatusHttp],
      exports: [BackupScheduler],
    };
  }
}
