import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BackupScheduler } from '../../apps/api/src/backup/backup-scheduler.service';
import { seedDemo } from '../../apps/api/src/demo/demo-seeder';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium } from './chromium';
import { DEMO_LOGIN } from './pages-harness';

/** A failed scheduled backup in a real Chromium: the Bildungsbüro sees the notice on every page, others do not. */
describe('notice of a failed backup in the web interface', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'backup-notice-'));
  let t: TestApp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    chmodSync(dataDir, 0o755);
    browser = await launchChromium();
    t = await startTestApp({ DATA_DIR: dataDir, BACKUP_SCHEDULE: '03:15' });
    await seedDemo(t.app);
    // The backups folder is a file: the scheduled run cannot write.
    writeFileSync(join(dataDir, 'backups'), 'kein Ordner');
    await t.app.get(BackupScheduler).runOnce();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function loggedIn(who: keyof typeof DEMO_LOGIN): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const p = await context.newPage();
    p.on('pageerror', (e) => problems.push(`Skriptfehler: ${e.message}`));
    await p.goto(`${t.url}/`);
    await p.getByLabel('E-Mail-Adresse').fill(DEMO_LOGIN[who].email);
    await p.getByLabel('Passwort').fill(DEMO_LOGIN[who].password);
    await p.getByRole('button', { name: 'Anmelden' }).click();
    await p.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    return p;
  }

  it('the office sees what failed and that no backup exists yet, until it logs out', async () => {
    const p = await loggedIn('office');
    const notice = p.locator('#sicherung-hinweis');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    const text = await notice.innerText();
    expect(text).toMatch(/^Sicherung fehlgeschlagen \(\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} Uhr\): EEXIST: file already exists, mkdir '.*backups' Es gibt noch keine erfolgreiche Sicherung\./);
    await p.getByRole('button', { name: 'Abmelden' }).click();
    await p.getByRole('button', { name: 'Anmelden' }).waitFor();
    expect(await p.locator('#sicherung-hinweis').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the Lenkungskreis does not see it', async () => {
    const p = await loggedIn('steering');
    // The office's notice comes from the status request; wait until the shell has asked nothing more.
    await p.waitForLoadState('networkidle');
    expect(await p.locator('#sicherung-hinweis').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
