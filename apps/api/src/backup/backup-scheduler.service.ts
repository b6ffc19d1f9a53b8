import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { backupDir, defaultBackupFile, describeSize } from './backup-file-name';
import { latestBackup, recordOf, type BackupStatus } from './backup-status';
import { beyondKeep, nextRun } from './schedule';
import { writeBackup } from './write-backup';

/** The owner role's URL the backup connects with (LOCK and COPY need it). */
export const BACKUP_DATABASE_URL = Symbol('BACKUP_DATABASE_URL');

/**
 * BACKUP_SCHEDULE=hh:mm: the API backs itself up once a day at that local time into
 * DATA_DIR/backups and keeps the newest BACKUP_KEEP. A failure is logged as an error and kept for
 * readiness, metrics and the office's notice until a backup succeeds again.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sicherung');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private state: BackupStatus;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BACKUP_DATABASE_URL) private readonly url: string,
  ) {
    this.state = { schedule: config.BACKUP_SCHEDULE ?? null, keep: config.BACKUP_KEEP, nextAt: null, last: null, failure: null };
  }

  status(): BackupStatus {
    return { ...this.state };
  }

  onApplicationBootstrap(): void {
    this.state.last = latestBackup(backupDir(this.config.DATA_DIR));
    if (!this.config.BACKUP_SCHEDULE) return;
    if (this.config.EVENTSTORE_URL) {
      this.logger.warn('BACKUP_SCHEDULE ist gesetzt, die Ereignisse liegen aber in EventStoreDB: sichern Sie sie mit dessen eigenem Verfahren.');
      return;
    }
    this.plan();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private plan(): void {
    const at = nextRun(this.config.BACKUP_SCHEDULE!, new Date());
    this.state.nextAt = at.toISOString();
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        if (this.timer) this.plan();
      });
    }, at.getTime() - Date.now());
    this.timer.unref();
  }

  /** One backup now, as the schedule makes it; public for the test of a failing one. */
  async runOnce(): Promise<void> {
    const dir = backupDir(this.config.DATA_DIR);
    const file = defaultBackupFile(this.config.DATA_DIR, new Date());
    try {
      mkdirSync(dir, { recursive: true });
      const result = await writeBackup(this.url, file);
      this.state.last = recordOf(file, result.manifest);
      this.state.failure = null;
      this.logger.log(`Sicherung geschrieben: ${file} (${describeSize(result.manifest.file.bytes)}, ${result.manifest.events.count} Ereignisse)`);
      for (const old of beyondKeep(readdirSync(dir), this.config.BACKUP_KEEP)) {
        rmSync(join(dir, old), { force: true });
        rmSync(join(dir, `${old}.manifest.json`), { force: true });
      }
    } catch (e) {
      // Not `instanceof Error`: errors from Node's fs may come from another realm (jest's vm).
      const text = (e as { message?: unknown } | null)?.message;
      const message = typeof text === 'string' && text ? text : String(e);
      this.state.failure = { at: new Date().toISOString(), message };
      this.logger.error(`Geplante Sicherung fehlgeschlagen: ${message}`);
    }
  }
}
