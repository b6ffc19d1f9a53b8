import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_REGION_ID, demoRecommendationId } from '../../apps/api/src/demo';
import { PagesHarness } from './pages-harness';

const SEEDING = 240_000;
const STEP = 120_000;

/** The auditor's pages in Chromium: the log with filters, a diff between two points, verification, export with manifest. */
describe('audit pages in Chromium, as the auditor', () => {
  const h = new PagesHarness('pruefung');
  let page: Page;
  const api = (path: string, query: Record<string, string> = {}) => h.api('auditor', path, query);

  beforeAll(async () => {
    await h.start();
    page = await h.page();
    await h.login(page, 'auditor');
  }, SEEDING);
  afterAll(() => h.stop());
  afterEach(() => expect(h.takeProblems()).toEqual([]));

  it('Ereignisprotokoll: every event page by page, narrowed by event type, stream and time', async () => {
    expect(await page.getByRole('link', { name: 'Einstellungen' }).isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Prüfung', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Ereignisprotokoll' }).waitFor();
    const all = await api('/audit/events', { limit: '50' });
    expect(all.total).toBeGreaterThan(300);
    expect(await page.locator('.ergebnis').textContent()).toBe(`${all.total} Ereignisse`);
    const rows = page.locator('table.protokoll tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await rows.first().locator('th').textContent()).toBe(all.items[0].position);
    expect(await rows.first().textContent()).toContain('Bildungsregion registriert');
    await h.shot(page, '01-protokoll');

    await page.getByRole('link', { name: 'Nächste Seite »' }).click();
    await page.getByText(', weitere Seite').waitFor();
    const second = await api('/audit/events', { limit: '50', cursor: all.nextCursor });
    expect(await rows.first().locator('th').textContent()).toBe(second.items[0].position);

    // Corrections in recommendations only.
    await page.getByLabel('Bereich').selectOption({ label: 'Empfehlungen' });
    await page.getByLabel('Ereignis', { exact: true }).selectOption({ label: 'Eintrag korrigiert' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    const corrections = await api('/audit/events', { type: 'EntryCorrected', stream: 'recommendation-' });
    await page.getByText(`${corrections.total} ${corrections.total === 1 ? 'Ereignis' : 'Ereignisse'} (gefiltert)`).waitFor();
    expect(corrections.total).toBeGreaterThan(0);
    expect(await rows.count()).toBe(corrections.items.length);
    for (const text of await rows.allTextContents()) expect(text).toContain('Eintrag korrigiert');
    await h.shot(page, '02-protokoll-korrekturen');

    // A time range: nothing was recorded before the demo's first event.
    await page.getByLabel('Erfasst vor').fill('01.01.2020 00:00');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.getByText('Kein Ereignis passt zu diesen Filtern.').waitFor();
    expect(page.url()).toContain(`bis=${encodeURIComponent('2019-12-31T23:00:00.000Z')}`);

    // A time typed the wrong way gets a German message at the form, nothing is sent.
    await page.getByLabel('Erfasst ab').fill('2020-01-01');
    await page.getByRole('button', { name: 'Filtern' }).click();
    expect(await page.locator('#protokoll-fehler').textContent()).toBe('Zeitpunkte bitte als TT.MM.JJJJ oder TT.MM.JJJJ HH:MM angeben, z. B. 14.09.2019 12:00.');
    await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
    await page.getByText(`${all.total} Ereignisse`, { exact: true }).waitFor();
  }, STEP);

  it('Unterschied: a recommendation on 01.01.2019 and today, as the audit API computes it', async () => {
    const id = demoRecommendationId('bk7-1');
    await page.goto(`${h.t.url}/#/pruefung?teil=unterschied`);
    await page.getByRole('heading', { level: 2, name: 'Unterschied zweier Zeitpunkte' }).waitFor();
    const option = await page.locator(`#diff-bereich option[value="recommendationId:${id}"]`).textContent();
    await page.getByLabel('Was vergleichen?').selectOption({ label: option! });
    await page.locator('#vorher-stand').fill('01.01.2019');
    await page.getByRole('button', { name: 'Vergleichen' }).click();
    await page.locator('.diff-zusammenfassung').waitFor();
    const diff = await api('/audit/diff', { recommendationId: id, fromAsOf: '2019-01-01' });
    expect(await page.locator('.diff-zusammenfassung strong').textContent()).toBe(
      `${diff.events.appeared.length} Ereignisse hinzugekommen, ${diff.events.disappeared.length} weggefallen, ${diff.changes.length} Abweichungen.`,
    );
    expect(diff.events.appeared.length).toBeGreaterThan(5);
    const changes = page.locator('table.abweichungen tbody tr');
    expect(await changes.count()).toBe(diff.changes.length);
    const lifecycle = diff.changes.find((c: { path: string }) => c.path.endsWith('lifecycle.state') || c.path === 'lifecycle');
    expect([lifecycle.before, lifecycle.after]).toEqual(['adopted', 'sustained']);
    const row = changes.filter({ has: page.locator('code', { hasText: new RegExp(`^${lifecycle.path.replace(/\./g, '\\.')}$`) }) });
    expect(await row.locator('td').allTextContents()).toEqual(['beschlossen (adopted)', 'nachhaltig verankert (sustained)']);
    await h.shot(page, '03-unterschied');

    // Nothing chosen: a German message, no request.
    await page.getByLabel('Was vergleichen?').selectOption({ value: '' });
    await page.getByRole('button', { name: 'Vergleichen' }).click();
    expect(await page.locator('#diff-fehler').textContent()).toBe('Bitte eine Empfehlung, eine Kohorte oder ein Gremium wählen.');
  }, STEP);

  it('Integritätsprüfung: every chain recomputed, the verdict in German', async () => {
    await page.goto(`${h.t.url}/#/pruefung?teil=integritaet`);
    await page.getByRole('button', { name: 'Prüfung starten' }).click();
    const verdict = page.locator('.pruef-ergebnis');
    await verdict.waitFor({ timeout: 90_000 });
    const report = await api('/audit/verify');
    expect(report.chains.ok).toBe(true);
    expect(await verdict.getAttribute('data-ok')).toBe(String(report.ok));
    expect(await verdict.textContent()).toContain(`unversehrt: ${report.chains.streams} Streams, ${report.chains.events} Ereignisse`);
    await h.shot(page, '04-integritaet');
  }, STEP);

  it('Ausfuhr: the manifest, and the NDJSON up to its last event whose SHA-256 the page checks and a download confirms', async () => {
    await page.goto(`${h.t.url}/#/pruefung?teil=ausfuhr`);
    await page.getByRole('button', { name: 'Manifest und Ausfuhr erstellen' }).click();
    await page.locator('[data-pruefsumme]').waitFor();
    expect(await page.locator('[data-pruefsumme]').getAttribute('data-pruefsumme')).toBe('stimmt');
    // The manifest's Ed25519 signature, checked in the browser with the installation's public key.
    const key = await api('/audit/signing-key');
    expect(await page.locator('[data-signatur]').getAttribute('data-signatur')).toBe('valid');
    expect(await page.locator('[data-signatur]').textContent()).toBe(
      `Signatur gültig: das Manifest ist mit dem Schlüssel ${key.keyId} dieser Installation signiert (Ed25519).`,
    );
    const sha = (await page.locator('code.pruefsumme').textContent())!;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    await h.shot(page, '05-ausfuhr');

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByText('Ausfuhr herunterladen (NDJSON)').click()]);
    const bytes = readFileSync((await file.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    const [manifestFile] = await Promise.all([page.waitForEvent('download'), page.getByText('Manifest herunterladen (JSON)').click()]);
    const manifest = JSON.parse(readFileSync((await manifestFile.path())!, 'utf8'));
    expect(manifest.sha256).toBe(sha);
    expect(bytes.toString('utf8').split('\n').filter(Boolean)).toHaveLength(manifest.events);
    expect(file.suggestedFilename()).toBe(`ereignisse-${DEMO_REGION_ID}-${manifest.lastPosition}.ndjson`);
  }, STEP);
});
