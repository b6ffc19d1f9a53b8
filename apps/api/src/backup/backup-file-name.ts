import { join, resolve } from 'node:path';

/** DATA_DIR/backups/empfehlungsradar-2026-12-07T21-30-05Z.backup: sortable, no colons (they trouble some file systems). */
export function defaultBackupFile(dataDir: string, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return join(backupDir(dataDir), `empfehlungsradar-${stamp}.backup`);
}

export const backupDir = (dataDir: string) => resolve(dataDir, 'backups');

export const BACKUP_FILE_PATTERN = /^empfehlungsradar-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.backup$/;

/** 1.234.567 Bytes (1,2 MB) */
export function describeSize(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${bytes.toLocaleString('de-DE')} Bytes (${mb >= 1 ? `${mb.toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB` : `${(bytes / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} kB`})`;
}
