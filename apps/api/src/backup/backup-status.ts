import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_FILE_PATTERN } from './backup-file-name';
import type { ManifestBeside } from './format';

export interface BackupRecord {
  at: string;
  file: string;
  bytes: number;
  events: number;
  lastPosition: string | null;
}

/** What readiness, metrics and the office's notice show about backups. */
export interface BackupStatus {
  schedule: string | null;
  keep: number;
  nextAt: string | null;
  last: BackupRecord | null;
  /** The last failed scheduled backup, if it came after the last good one. */
  failure: { at: string; message: string } | null;
}

export const recordOf = (file: string, m: ManifestBeside): BackupRecord => ({
  at: m.createdAt,
  file,
  bytes: m.file.bytes,
  events: m.events.count,
  lastPosition: m.events.lastPosition,
});

/** The newest backup in the folder with a readable manifest beside it, as the API finds it at start. */
export function latestBackup(dir: string): BackupRecord | null {
  if (!existsSync(dir)) return null;
  for (const name of readdirSync(dir).filter((n) => BACKUP_FILE_PATTERN.test(n)).sort().reverse()) {
    try {
      const file = join(dir, name);
      return recordOf(file, JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as ManifestBeside);
    } catch {
      // A backup without a readable manifest is no backup to report; look at the one before.
    }
  }
  return null;
}
