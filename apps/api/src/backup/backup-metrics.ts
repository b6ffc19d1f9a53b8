import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { AppMetrics } from '../observability/metrics';
import { BackupScheduler } from './backup-scheduler.service';

const seconds = (iso: string | undefined) => (iso ? Date.parse(iso) / 1000 : 0);

/** The last backup's time and size, and the last failure's time, in the API's Prometheus registry. */
@Injectable()
export class BackupMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: AppMetrics,
    private readonly scheduler: BackupScheduler,
  ) {}

  onModuleInit(): void {
    const status = () => this.scheduler.status();
    const gauge = (name: string, help: string, value: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.metrics.registry],
        collect() {
          this.set(value());
        },
      });
    gauge('backup_last_success_timestamp_seconds', 'When the newest backup in DATA_DIR/backups was made (Unix time; 0: none).', () => seconds(status().last?.at));
    gauge('backup_last_size_bytes', 'Size of the newest backup file (0: none).', () => status().last?.bytes ?? 0);
    gauge('backup_last_position', 'Event store position the newest backup reaches (-1: none or empty).', () => Number(status().last?.lastPosition ?? -1));
    gauge('backup_last_failure_timestamp_seconds', 'When the last scheduled backup failed, if none has succeeded since (Unix time; 0: no failure).', () => seconds(status().failure?.at));
  }
}
