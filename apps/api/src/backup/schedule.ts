import { BACKUP_FILE_PATTERN } from './backup-file-name';

/** The next moment the local clock shows `hh:mm` after `now` (tomorrow if today's has passed). */
export function nextRun(schedule: string, now: Date): Date {
  const [h, m] = schedule.split(':').map(Number);
  const next = new Date(now);
  next.setHours(h, m, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

/** Backup files beyond the newest `keep` (names sort by time), oldest last; other files are never touched. */
export function beyondKeep(names: readonly string[], keep: number): string[] {
  return names.filter((n) => BACKUP_FILE_PATTERN.test(n)).sort().reverse().slice(keep);
}
