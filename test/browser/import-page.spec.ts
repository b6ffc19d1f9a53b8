import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { signTestToken } from '../support/auth';
import { eventLogSnapshot } from '../support/event-log';
import { LIST_HEADER, LIST_ROWS, csvOf } from '../support/import-files';
import { actors } from '../support/actors';
import { setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium } from './chromium';

const STEP = 90_000;

/**
 * The Bildungsbüro's import page in a real Chromium: it sends the preview and the import
 * (POST …/imports/preview, POST …/imports) and shows refusals, the plan and the progress.
 */
describe('import page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let region: RegionFixture;
  const problems: string[] = [];
  const posts: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ PROJECTOR: 'inline' });
    region = await setUpRegion(t.url);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`Skriptfehler: ${e.message}`));
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
    });
    // The office's session as the login leaves it in the tab.
    const token = signTestToken('office', { userId: 'buero.browser', regionIds: [region.regionId] });
    await page.goto(`${t.url}/`);
    await page.evaluate(
      `sessionStorage.setItem('empfehlungsradar.token', ${JSON.stringify(token)});` +
        `sessionStorage.setItem('empfehlungsradar.account', ${JSON.stringify(JSON.stringify({ email: 'buero@example.org', role: 'office', regionIds: [region.regionId], committeeIds: [] }))});`,
    );
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  it('a list with a bad row: the dry run names row, column and reason, and offers no import', async () => {
    await page.goto(`${t.url}/#/import`);
    await page.getByRole('heading', { level: 1, name: 'Liste importieren' }).waitFor();
    const bad = csvOf([LIST_HEADER, LIST_ROWS[0]!, ['9. BK', '31.02.2026', '5', 'Titel', 'Text', '', '', '', '', '', '', '']], { separator: ';', encoding: 'utf8' });
    await page.setInputFiles('#import-datei', { name: 'liste.csv', mimeType: 'text/csv', buffer: bad });
    await page.getByRole('button', { name: 'Probelauf' }).click();
    const refused = page.locator('table.import-fehler tbody tr');
    await refused.first().waitFor();
    expect(await refused.allInnerTexts()).toEqual(['3\tDatum\t„31.02.2026“ ist kein gültiges Datum (erwartet TT.MM.JJJJ).']);
    expect(await page.locator('#import-bestaetigen').count()).toBe(0);
  }, STEP);

  it('a list with other headers: mapping adjusted, dry run, confirm, progress to the end', async () => {
    const before = await eventLogSnapshot(t.app);
    const header = LIST_HEADER.map((h) => (h === 'Titel' ? 'Empfehlung' : h));
    await page.setInputFiles('#import-datei', { name: 'liste.csv', mimeType: 'text/csv', buffer: csvOf([header, ...LIST_ROWS], { separator: ';', encoding: 'utf8' }) });
    await page.getByText('Spaltenzuordnung anpassen').click();
    await page.getByLabel('Titel', { exact: true }).fill('Empfehlung');
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.locator('#import-zusammenfassung').filter({ hasText: '3 Zeilen, 11 Befehle zu schreiben' }).waitFor();
    expect(await page.locator('#import-neu li').allInnerTexts()).toEqual(['Konferenz 5. Bildungskonferenz am 03.05.2021', 'Gremium Integrationsrat (Ausschuss) ab 12.03.2026']);
    expect(await page.locator('table.import-vorschau tbody tr th').allInnerTexts()).toEqual(['2', '3', '4']);
    expect(await eventLogSnapshot(t.app)).toEqual(before);

    await page.getByRole('button', { name: '11 Befehle importieren' }).click();
    await page.locator('#import-ergebnis').getByText('Import abgeschlossen: 11 Befehle geschrieben.').waitFor({ timeout: 60_000 });
    expect(await page.evaluate("(({ value, max }) => [value, max])(document.getElementById('import-fortschritt'))")).toEqual([11, 11]);
    const list = await request(t.url).get(`${region.base}/recommendations`).set(actors.office());
    expect((list.body as { items: { reference: string }[] }).items.map((i) => i.reference).sort()).toEqual(['5. BK / 4', '9. BK / 1', '9. BK / 2']);
    const base = `/api/regions/${region.regionId}/imports`;
    expect(posts.filter((p) => p.startsWith(base))).toEqual([`${base}/preview`, `${base}/preview`, base]);
  }, STEP);
});
