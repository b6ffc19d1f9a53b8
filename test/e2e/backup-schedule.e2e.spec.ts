import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { BackupScheduler } from '../../apps/api/src/backup/backup-scheduler.service';
import type { ManifestBeside } from '../../apps/api/src/backup/format';
import { nextRun } from '../../apps/api/src/backup/schedule';
import { signTestToken } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * BACKUP_SCHEDULE and BACKUP_KEEP (issue 19, item 3): the API backs itself up into
 * DATA_DIR/backups, keeps the newest BACKUP_KEEP, and shows the last backup's time and size in
 * readiness, metrics and to the office; a failed backup is logged as an error and shown to the office.
 * The scheduled run is started directly (the timer's job), not waited for.
 */
describe('scheduled backups', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'backup-schedule-'));
  const backups = join(dataDir, 'backups');
  const regionId = randomUUID();
  const office = { Authorization: `Bearer ${signTestToken('office', { userId: 'buero.sicherung', regionIds: [regionId] })}` };
  const steering = { Authorization: `Bearer ${signTestToken('steering', { userId: 'lk.sicherung', regionIds: [regionId] })}` };
  const metricsToken = 'x'.repeat(32);
  let t: TestApp;

  beforeAll(async () => {
    chmodSync(dataDir, 0o755);
    t = await startTestApp({ DATA_DIR: dataDir, BACKUP_SCHEDULE: '03:15', BACKUP_KEEP: '2', METRICS_TOKEN: metricsToken });
    await request(t.url)
      .post('/api/regions')
      .set(office)
      .set('Content-Type', 'application/json')
      .send({ regionId, name: 'Bildungsregion Sicherung', contractSignedOn: '2024-01-01' })
      .expect(201);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = async () => (await request(t.url).get('/api/health/ready').expect(200)).body.details.backup;
  const metric = async (name: string) => {
    const text = (await request(t.url).get('/api/metrics').set('Authorization', `Bearer ${metricsToken}`).expect(200)).text;
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  };

  it('before the first backup: readiness names the schedule and the next run, no backup yet', async () => {
    expect(await ready()).toEqual({
      status: 'up',
      schedule: '03:15',
      nextAt: nextRun('03:15', new Date()).toISOString(),
      lastAt: null,
      lastBytes: null,
      lastPosition: null,
      failedAt: null,
    });
    expect(await metric('backup_last_success_timestamp_seconds')).toBe(0);
  });

  it('a scheduled run writes a backup with its manifest, keeps the newest BACKUP_KEEP and reports time and size', async () => {
    // Two older backups of an earlier day, and a file of someone else's that must stay.
    mkdirSync(backups, { recursive: true });
    for (const day of ['2026-01-01', '2026-01-02']) {
      writeFileSync(join(backups, `empfehlungsradar-${day}T03-15-00Z.backup`), 'alt');
      writeFileSync(join(backups, `empfehlungsradar-${day}T03-15-00Z.backup.manifest.json`), '{}');
    }
    writeFileSync(join(backups, 'notiz.txt'), 'bleibt');

    await t.app.get(BackupScheduler).runOnce();

    const files = readdirSync(backups).sort();
    const made = files.find((f) => f.endsWith('.backup') && !f.startsWith('empfehlungsradar-2026-01'))!;
    expect(files).toEqual(
      [made, `${made}.manifest.json`, 'empfehlungsradar-2026-01-02T03-15-00Z.backup', 'empfehlungsradar-2026-01-02T03-15-00Z.backup.manifest.json', 'notiz.txt'].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(backups, `${made}.manifest.json`), 'utf8')) as ManifestBeside;
    expect(manifest.file.bytes).toBe(statSync(join(backups, made)).size);
    expect(manifest.events.count).toBe(1);

    expect(await ready()).toMatchObject({ lastAt: manifest.createdAt, lastBytes: manifest.file.bytes, lastPosition: manifest.events.lastPosition, failedAt: null });
    expect(await metric('backup_last_success_timestamp_seconds')).toBe(Date.parse(manifest.createdAt) / 1000);
    expect(await metric('backup_last_size_bytes')).toBe(manifest.file.bytes);
    const status = (await request(t.url).get('/api/backup/status').set(office).expect(200)).body;
    expect(status).toMatchObject({ schedule: '03:15', keep: 2, last: { file: join(backups, made), bytes: manifest.file.bytes, events: 1 }, failure: null });
    await request(t.url).get('/api/backup/status').set(steering).expect(403);
  });

  it('a failed run is logged as an error, shown to the office and in readiness, and the API stays ready', async () => {
    const errors: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(function (this: Logger, message: unknown) {
      errors.push(String(message));
    });
    // The backups folder replaced by a file: nothing can be written there.
    renameSync(backups, `${backups}.weg`);
    writeFileSync(backups, 'kein Ordner');
    try {
      await t.app.get(BackupScheduler).runOnce();
    } finally {
      spy.mockRestore();
      rmSync(backups, { force: true });
      renameSync(`${backups}.weg`, backups);
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Geplante Sicherung fehlgeschlagen: EEXIST: file already exists, mkdir '.*backups'$/);

    const status = (await request(t.url).get('/api/backup/status').set(office).expect(200)).body;
    expect(status.failure.message).toMatch(/^EEXIST: file already exists, mkdir/);
    expect(status.last.bytes).toBeGreaterThan(0);
    const details = await ready();
    expect(details.failedAt).toBe(status.failure.at);
    expect(await metric('backup_last_failure_timestamp_seconds')).toBe(Date.parse(status.failure.at) / 1000);

    // The next good run clears the failure.
    await t.app.get(BackupScheduler).runOnce();
    expect((await request(t.url).get('/api/backup/status').set(office).expect(200)).body.failure).toBeNull();
    expect(existsSync(backups)).toBe(true);
  });
});
