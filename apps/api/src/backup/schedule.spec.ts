import { beyondKeep, nextRun } from './schedule';

describe('backup schedule', () => {
  it('runs later today, or tomorrow once the time has passed (local clock)', () => {
    const now = new Date(2026, 11, 7, 21, 40, 10);
    expect(nextRun('23:15', now)).toEqual(new Date(2026, 11, 7, 23, 15, 0));
    expect(nextRun('02:30', now)).toEqual(new Date(2026, 11, 8, 2, 30, 0));
    expect(nextRun('21:40', now)).toEqual(new Date(2026, 11, 8, 21, 40, 0));
    expect(nextRun('00:00', new Date(2026, 11, 31, 23, 59))).toEqual(new Date(2027, 0, 1, 0, 0, 0));
  });

  it('keeps the newest backups and leaves every other file alone', () => {
    const names = [
      'empfehlungsradar-2026-12-05T02-30-00Z.backup',
      'empfehlungsradar-2026-12-07T02-30-00Z.backup',
      'empfehlungsradar-2026-12-06T02-30-00Z.backup',
      'empfehlungsradar-2026-12-06T02-30-00Z.backup.manifest.json',
      'meine-sicherung.backup',
      'empfehlungsradar-2026-12-04T02-30-00Z.backup',
    ];
    expect(beyondKeep(names, 2)).toEqual(['empfehlungsradar-2026-12-05T02-30-00Z.backup', 'empfehlungsradar-2026-12-04T02-30-00Z.backup']);
    expect(beyondKeep(names, 7)).toEqual([]);
  });
});
