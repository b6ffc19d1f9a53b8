import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { demoRecommendationId } from '../../apps/api/src/demo/demo-ids';
import { seedDemo } from '../../apps/api/src/demo/demo-seeder';
import { DEMO_CONFERENCES } from '../../apps/api/src/demo/scenario';
import { randomUUID } from 'node:crypto';
import { signTestToken } from '../support/auth';
import { eventStoreOf } from '../support/event-log';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium } from './chromium';
import { ARTIFACTS } from './pages-harness';

const SEEDING = 240_000;
const STEP = 60_000;
/** Evaluated in the page (the test's TypeScript has no DOM types). */
const FITS_WINDOW = 'document.documentElement.scrollWidth <= document.documentElement.clientWidth';
const NAMES_FIT = "[...document.querySelectorAll('.trichter-name')].every((e) => e.scrollWidth <= e.clientWidth)";

/**
 * The German web interface in a real headless Chromium against the real app on a fresh database
 * with the demo network seeded through the command path. One screenshot per page goes to
 * SCREENSHOT_DIR (or a temp dir, printed once) for a person to look at.
 */
describe('web interface in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  /** HTTP statuses a test provokes on purpose (the browser logs them as failed resources). */
  let provoked = new Set<number>([401]);
  const shots = join(ARTIFACTS, 'oberflaeche');

  const shot = async (name: string, p: Page = page) => {
    await p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const watch = (p: Page) => {
    p.on('pageerror', (e) => problems.push(`Skriptfehler: ${e.message}`));
    p.on('console', (m) => {
      const status = /status of (\d{3})/.exec(m.text());
      if (m.type() === 'error' && !(status && provoked.has(Number(status[1])))) problems.push(`Konsole: ${m.text()}`);
    });
  };
  const newPage = async () => {
    const p = await context.newPage();
    watch(p);
    return p;
  };
  const login = async (p: Page, email: string, password: string) => {
    await p.goto(`${t.url}/`);
    await p.getByLabel('E-Mail-Adresse').fill(email);
    await p.getByLabel('Passwort').fill(password);
    await p.getByRole('button', { name: 'Anmelden' }).click();
  };

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    await seedDemo(t.app);
    mkdirSync(shots, { recursive: true });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    page = await newPage();
  }, SEEDING);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    // No script error, no CSP violation, no failed request on any page.
    expect(problems.splice(0)).toEqual([]);
    provoked = new Set([401]);
  });

  it('serves the interface at / under the API’s security headers, and /api/* still answers problem+json', async () => {
    const index = await request(t.url).get('/').expect(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.text).toContain('<html lang="de">');
    // No inline script but the import map, which the CSP allows by its hash alone.
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="importmap")[^>]*>/);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(index.text).not.toMatch(/\son[a-z]+=/i); // no inline handler
    const missing = await request(t.url).get('/api/gibt-es-nicht').expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(t.url).get('/js/app.js').expect('Content-Type', /javascript/).expect(200);
  });

  it('Anmeldung: a wrong password gets a clear German message, the right one opens the Übersicht', async () => {
    await login(page, 'lenkungskreis@empfehlungsradar.example', 'Falsches-Passwort-1');
    const error = page.locator('#anmelde-fehler');
    await error.filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Abmelden' }).isVisible()).toBe(false);
    await shot('01-anmeldung-fehler');

    await page.getByLabel('Passwort').fill('Demo-Lenkung-2026');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    expect(await page.evaluate("sessionStorage.getItem('empfehlungsradar.token')")).toMatch(/^ey/);
    expect(await page.locator('#konto-name').textContent()).toContain('Lenkungskreis');
  }, STEP);

  it('Übersicht: the demo marker, one funnel bar group per conference side by side, key figures with explanations', async () => {
    await page.locator('.kennzahl').first().waitFor();
    expect(await page.locator('#demo').isVisible()).toBe(true);
    expect(await page.locator('#demo').textContent()).toContain('Demodaten');
    expect(await page.locator('#region').textContent()).toContain('Düsseldorf');

    const groups = page.locator('.trichter-gruppe');
    expect(await groups.count()).toBe(DEMO_CONFERENCES.length);
    expect(DEMO_CONFERENCES.length).toBe(10);
    // Soft hyphens let the long names break inside their group; they are no part of the text.
    const names = (await page.locator('.trichter-name').allTextContents()).map((n) => n.replace(/\u00AD/g, ''));
    expect(await page.evaluate(NAMES_FIT)).toBe(true);
    expect(names[0]).toContain('1. Bildungskonferenz');
    expect(names[0]).toContain('25.11.2009');
    expect(names.join(' ')).toContain('Tag der Bildung');
    // Side by side: every group starts right of the one before, on the same line.
    const boxes = await Promise.all((await groups.all()).map((g) => g.boundingBox()));
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x);
      expect(Math.abs(boxes[i]!.y - boxes[0]!.y)).toBeLessThan(2);
    }
    // Nothing wider than the window.
    expect(await page.evaluate(FITS_WINDOW)).toBe(true);

    const handoff = page.locator('[data-kennzahl="handoffRate"]');
    expect(await handoff.locator('dt').textContent()).toBe('Übergabequote');
    expect(await handoff.locator('.wert').textContent()).toMatch(/^\d{1,3} %$/);
    expect(await handoff.locator('.erklaerung').textContent()).toContain('innerhalb von 90 Tagen');
    expect(await page.locator('.kennzahl').count()).toBe(18);
    expect(await page.getByRole('heading', { level: 2, name: /Kennzahlen: 9\. Bildungskonferenz/ }).count()).toBe(1);
    await shot('02-uebersicht');

    // Another cohort: the key figures follow the choice.
    await page.getByLabel('Kohorte (Konferenz)').selectOption({ label: '8. Bildungskonferenz (20.11.2019)' });
    await page.getByRole('heading', { level: 2, name: /Kennzahlen: 8\. Bildungskonferenz/ }).waitFor();
    await page.locator('.kennzahl').first().waitFor();
    // 8. BK: 3 recommendations, all handed off within 90 days (the API's figures, formatted in German).
    expect(await page.locator('[data-kennzahl="handoffRate"] .wert').textContent()).toBe('100 %');
    expect(await page.locator('[data-kennzahl="handoffRate"] .basis').textContent()).toBe('3 von 3');
    expect(await page.locator('[data-kennzahl="medianMonthsToImplementation"] .wert').textContent()).toBe('23,9 Monate');
  }, STEP);

  it('keyboard: the skip link comes first and moves to the content; the filters work without a mouse', async () => {
    await page.goto(`${t.url}/#/empfehlungen`);
    await page.reload(); // a fresh load: the focus starts at the top
    await page.locator('table.liste').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Zum Inhalt springen');
    expect(await page.locator('#sprunglink').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('inhalt');
    expect(page.url()).toContain('#/empfehlungen'); // the skip link leaves the route alone
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('filter-konferenz');
    // Choose "nur stockende" with the space bar, submit with Enter.
    await page.getByLabel('nur stockende (180 Tage ohne Schritt)').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByText('(gefiltert)').waitFor();
    expect(page.url()).toContain('stockend=1');
  }, STEP);

  it('Empfehlungen: the list pages through, and the filters narrow it', async () => {
    await page.getByRole('link', { name: 'Empfehlungen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Empfehlungen' }).waitFor();
    // The step before left a filtered list on screen: wait for the unfiltered one, not for any row.
    await page.locator('.ergebnis', { hasText: /^\d+ Empfehlungen · Seite 1 von \d+\.$/ }).waitFor();
    const rows = page.locator('table.liste tbody tr');
    expect(await rows.count()).toBe(20);
    expect(await rows.first().locator('th').textContent()).toBe('1. BK / 1');
    expect(await rows.first().textContent()).toContain('25.11.2009');
    expect(await page.locator('table.liste .ueberfaellig').count()).toBeGreaterThan(0);
    // Domain rule 1: nothing of the superseded (1. BK / 2) and the withdrawn (3. BK / 3) recommendation is due any more.
    for (const reference of ['1. BK / 2', '3. BK / 3']) {
      const row = rows.filter({ has: page.locator('th', { hasText: new RegExp(`^${reference.replace(/[.]/g, '\\.')}$`) }) });
      expect(await row.count()).toBe(1);
      expect(await row.locator('.ueberfaellig').count()).toBe(0);
      expect(await row.locator('td').last().textContent()).toBe('entfällt');
    }
    await shot('03-empfehlungen');

    // A total and page numbers; page 2 is one click away.
    const status = (await page.locator('.ergebnis').textContent())!;
    const [, total, pages] = /^(\d+) Empfehlungen · Seite 1 von (\d+)\.$/.exec(status)!;
    expect(Number(pages)).toBe(Math.ceil(Number(total) / 20));
    expect(await page.locator('.seitenzahlen a').allTextContents()).toEqual(Array.from({ length: Number(pages) }, (_, i) => String(i + 1)).filter((n, i, all) => Number(n) <= 3 || i === all.length - 1));
    await page.getByRole('link', { name: 'Nächste Seite »' }).click();
    await page.getByText(`${total} Empfehlungen · Seite 2 von ${pages}.`).waitFor();
    expect(await page.locator('.seitenzahlen [aria-current="page"]').textContent()).toBe('2');
    const second = await page.locator('table.liste tbody th').allTextContents();
    expect(second.length).toBeGreaterThan(0);
    expect(second).toContain('9. BK / 8');
    expect(second).not.toContain('1. BK / 1');

    await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
    await page.getByText(/· Seite 1 von/).waitFor();
    await page.getByLabel('nur stockende (180 Tage ohne Schritt)').check();
    await page.getByLabel('Konferenz', { exact: true }).selectOption({ label: '9. Bildungskonferenz' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.getByText('(gefiltert)').waitFor();
    const stalled = await page.locator('table.liste tbody tr').allTextContents();
    expect(stalled.length).toBeGreaterThan(0);
    for (const row of stalled) {
      expect(row).toContain('9. Bildungskonferenz');
      expect(row).toContain('stockt');
    }
    // The filter that matches nothing says so.
    await page.getByLabel('Stand', { exact: true }).selectOption({ label: 'zurückgenommen' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.getByText('Keine Empfehlung passt zu diesen Filtern.').waitFor();
  }, STEP);

  it('Empfehlung: a withdrawn one shows no report as due, and none as overdue (domain rule 1)', async () => {
    await page.goto(`${t.url}/#/empfehlung/${demoRecommendationId('bk3-3')}`);
    await page.getByRole('heading', { level: 1, name: /3\. BK \/ 3/ }).waitFor();
    const assignments = page.locator('section[aria-labelledby="auftraege-titel"] tbody tr');
    await assignments.first().waitFor();
    const due = await assignments.locator('td:last-child').allTextContents();
    expect(due.length).toBeGreaterThan(0);
    expect(due).toEqual(due.map(() => 'entfällt'));
    expect(await page.locator('section[aria-labelledby="auftraege-titel"] .ueberfaellig').count()).toBe(0);
  }, STEP);

  it('Empfehlung: state, assignments, the timeline in German with who and when, the correction beside its entry, and time travel', async () => {
    const id = demoRecommendationId('bk7-1');
    await page.goto(`${t.url}/#/empfehlung/${id}`);
    await page.getByRole('heading', { level: 1, name: /7\. BK \/ 1/ }).waitFor();
    const timeline = page.locator('.verlauf');
    await timeline.waitFor();
    const handOff = page.locator('.verlauf-eintrag[data-typ="RecommendationHandedOff"]');
    expect(await handOff.textContent()).toContain('Übergabe an das Gremium „Integrationsrat“ beschlossen');
    expect(await handOff.locator('.verlauf-datum').textContent()).toBe('23.01.2019');
    expect(await handOff.locator('.verlauf-wer').textContent()).toMatch(/^Erfasst am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} Uhr von Lenkungskreis$/);
    // The office answering for the committee is named as such.
    expect(await page.locator('.verlauf-eintrag[data-typ="HandOffAccepted"]').textContent()).toContain('im Namen des Gremiums „Integrationsrat“');
    // The corrected measurement: the original struck through, the correction beside it.
    const corrected = page.locator('.verlauf-eintrag.korrigiert');
    expect(await corrected.count()).toBe(1);
    expect(await corrected.locator('del').textContent()).toContain(': 8 Prozent.');
    expect(await corrected.locator('.gilt').textContent()).toContain(': 80 Prozent.');
    expect(await corrected.locator('.korrekturen').textContent()).toContain('Tippfehler');
    const [entryBox, asideBox] = [await corrected.locator('.verlauf-haupt').boundingBox(), await corrected.locator('.korrekturen').boundingBox()];
    expect(asideBox!.x).toBeGreaterThan(entryBox!.x + entryBox!.width - 1); // beside, not below
    expect(await page.locator('.eckdaten').textContent()).toContain('nachhaltig verankert');
    expect(await page.locator('svg.linie').count()).toBe(1);
    await shot('04-empfehlung');

    // Stand am 01.01.2019: adopted, not yet handed off.
    await page.getByRole('textbox', { name: 'Stand am' }).fill('2019-01-01');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByText('Zeitreise: so stand es am 01.01.2019.').waitFor();
    expect(await page.locator('.eckdaten').textContent()).toContain('beschlossen');
    expect(await page.locator('.verlauf-eintrag').count()).toBe(1);
    expect(await page.locator('.verlauf-eintrag[data-typ="RecommendationHandedOff"]').count()).toBe(0);
    expect(await page.getByText('Noch an kein Gremium übergeben.').count()).toBe(1);
    await shot('05-empfehlung-stand-2019');

    // As the system knew it just before the correction was recorded: the typo stands, uncorrected.
    const stream = await eventStoreOf(t.app).readStream(`recommendation-${id}`);
    const correction = stream.find((e) => e.type === 'EntryCorrected')!;
    const before = new Date(correction.recordedAt.getTime() - 1).toISOString();
    await page.goto(`${t.url}/#/empfehlung/${id}?knownAt=${encodeURIComponent(before)}`);
    await page.getByText(/nur was bis .* erfasst war/).waitFor();
    expect(await page.locator('.verlauf-eintrag.korrigiert').count()).toBe(0);
    expect(await page.locator('.verlauf').textContent()).toContain(': 8 Prozent.');
    expect(await page.locator('.verlauf').textContent()).not.toContain(': 80 Prozent.');
    await shot('06-empfehlung-erfasst-bis', page);

    // Before its adoption it is not known: a German message, no broken page.
    provoked = new Set([401, 404]);
    await page.getByText('Alles Erfasste').click();
    await page.locator('.verlauf-eintrag.korrigiert').waitFor();
    await page.getByRole('textbox', { name: 'Stand am' }).fill('2015-01-01');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('alert').filter({ hasText: 'nicht bekannt' }).waitFor();

    // Recorded before the demo data existed: not known either (the auditor's picker, local time).
    await page.getByRole('textbox', { name: 'Stand am' }).fill('');
    await page.getByRole('button', { name: 'Anzeigen' }).first().click();
    await page.getByText('Für die Prüfung: Stand der Erfassung').click();
    await page.getByLabel('Erfasst bis').fill('2020-01-01T00:00:00');
    await page.getByRole('button', { name: 'Anzeigen' }).nth(1).click();
    await page.getByRole('alert').filter({ hasText: 'nicht bekannt' }).waitFor();
    // To the second: "bis 00:00:00" takes in the whole second.
    expect(page.url()).toContain(`knownAt=${encodeURIComponent('2019-12-31T23:00:00.999Z')}`);
  }, STEP);

  it('Gremien-Scorecard, Wirkung and Nachhaltigkeit show their boards', async () => {
    await page.goto(`${t.url}/#/gremien`);
    await page.getByRole('heading', { level: 1, name: 'Gremien-Scorecard' }).waitFor();
    await page.locator('table.scorecard').waitFor();
    expect(await page.locator('table.scorecard tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('.ueberfaellig-liste').textContent()).toContain('Tage überfällig');
    expect(await page.evaluate(FITS_WINDOW)).toBe(true);
    await shot('07-gremien');

    await page.getByRole('link', { name: 'Wirkung', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Wirkung' }).waitFor();
    await page.locator('svg.linie').first().waitFor();
    const lines = await page.locator('svg.linie').count();
    expect(lines).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 2, name: `Indikatoren (${lines})` }).count()).toBe(1);
    expect(await page.locator('svg.linie title').first().textContent()).toMatch(/Ausgangswert .* am \d{2}\.\d{2}\.\d{4}/);
    await shot('08-wirkung');

    await page.getByRole('link', { name: 'Nachhaltigkeit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nachhaltigkeit' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Prüfung fällig, aber nicht erfolgt' }).waitFor();
    expect(await page.locator('[data-kennzahl="unreviewedRate"] .wert').textContent()).toMatch(/^\d{1,3} %$/);
    expect(await page.locator('.zaehler').first().textContent()).toContain('nachhaltig verankert');
    await shot('09-nachhaltigkeit');

    // A cohort and a day where nothing is implemented yet: empty, not broken.
    await page.getByRole('textbox', { name: 'Stand am' }).fill('2009-12-01');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByText('Noch keine Empfehlung umgesetzt.').waitFor();
  }, STEP);

  it('Bericht an die Bildungskonferenz: one printed page per conference cohort', async () => {
    await page.getByRole('link', { name: 'Bericht an die Bildungskonferenz' }).click();
    await page.locator('.bericht-seite').first().waitFor();
    const reports = page.locator('.bericht-seite');
    expect(await reports.count()).toBe(10);
    expect(await reports.first().locator('h2').textContent()).toBe('Bericht an die Bildungskonferenz: 1. Bildungskonferenz');
    expect(await reports.first().textContent()).toContain('Konferenz vom 25.11.2009');
    await shot('10-bericht');

    let pdf: Buffer;
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('#navigation').isVisible()).toBe(false);
      expect(await page.locator('form.filter').isVisible()).toBe(false);
      await shot('11-bericht-druck');
      pdf = await page.pdf({ path: join(shots, 'bericht-alle.pdf'), format: 'A4', printBackground: true });
    } finally {
      // null, not 'screen': page.pdf() prints with the emulated media type.
      await page.emulateMedia({ media: null });
    }
    // Chromium writes one "/Type /Page" dictionary per page (and "/Type /Pages" for the tree).
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBe(10);

    // One conference alone is one page.
    await page.getByLabel('Konferenz', { exact: true }).selectOption({ label: '8. Bildungskonferenz' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.locator('.bericht-seite').nth(1).waitFor({ state: 'detached' });
    expect(await page.locator('.bericht-seite h2').textContent()).toContain('8. Bildungskonferenz');
    const single = await page.pdf({ path: join(shots, 'bericht-8-bk.pdf'), format: 'A4', printBackground: true });
    expect((single.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(1);

    // Stand am 01.01.2012: only the three conferences held by then, with the figures of that day.
    await page.getByLabel('Konferenz', { exact: true }).selectOption({ label: 'alle (je Konferenz eine Seite)' });
    await page.getByRole('textbox', { name: 'Stand am' }).fill('2012-01-01');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByText('Stand 01.01.2012').first().waitFor();
    expect(await page.locator('.bericht-seite h2').allTextContents()).toEqual(
      ['1. Bildungskonferenz', '2. Bildungskonferenz', '3. Bildungskonferenz'].map((c) => `Bericht an die Bildungskonferenz: ${c}`),
    );
  }, STEP);

  it('a committee member reports a status: German validation errors beside the fields, then the report in the timeline', async () => {
    provoked = new Set([401, 400]);
    const member = await newPage();
    await login(member, 'gremium@empfehlungsradar.example', 'Demo-Gremium-2026');
    await member.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await member.goto(`${t.url}/#/empfehlung/${demoRecommendationId('bk8-1')}`);
    await member.getByRole('heading', { level: 2, name: 'Aufgaben' }).waitFor();
    await member.getByText('Sachstand melden', { exact: true }).click();
    const form = member.locator('[data-befehl="status-report"]');
    await form.getByLabel('Umsetzungsstand').selectOption({ label: 'in Umsetzung' });
    await form.getByLabel('Fortschritt in Prozent').fill('150');
    await form.getByRole('button', { name: 'Bericht speichern' }).click();
    const summaryError = form.locator('[data-feld="summary"] .feld-fehler');
    await form.locator('[data-feld="summary"] .feld-fehler:not(:empty)').waitFor();
    expect(await summaryError.textContent()).toBe('Bitte ausfüllen.');
    expect(await form.locator('[data-feld="progressPercent"] .feld-fehler').textContent()).toBe('Darf höchstens 100 sein.');
    // Each message is tied to its field for screen readers.
    expect(await form.getByLabel('Zusammenfassung').getAttribute('aria-describedby')).toBe(await summaryError.getAttribute('id'));
    expect(await form.locator('.formular-meldung').textContent()).toContain('Bitte die markierten Felder prüfen.');
    await shot('12-sachstand-fehler', member);

    // A business date relative to today: the rules refuse the future, and the suite runs on any day.
    const reportedOn = new Date(Date.now() - 35 * 86_400_000).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
    await form.getByLabel('Fortschritt in Prozent').fill('70');
    await form.getByLabel('Zusammenfassung').fill('Beratungsstandards an 30 von 40 Schulen eingeführt (Browser-Test).');
    await form.getByLabel('Stand vom').fill(reportedOn);
    await form.getByRole('button', { name: 'Bericht speichern' }).click();
    await member.locator('#inhalt .erfolg').filter({ hasText: 'Der Bericht ist gespeichert.' }).waitFor();
    const last = member.locator('.verlauf-eintrag[data-typ="ImplementationStatusReported"]').last();
    await last.waitFor();
    expect(await last.textContent()).toContain('„in Umsetzung“ (70 %)');
    expect(await last.locator('.verlauf-datum').textContent()).toBe(reportedOn);
    expect(await last.locator('.verlauf-details').textContent()).toBe('ZusammenfassungBeratungsstandards an 30 von 40 Schulen eingeführt (Browser-Test).');
    expect(await last.locator('.verlauf-wer').textContent()).toContain('von Mitglied zweier Fachgremien (Demo) (Gremium)');
    await shot('13-sachstand-gespeichert', member);
    await member.close();
  }, STEP);

  it('a session whose token is rejected returns to the Anmeldung with a German note', async () => {
    await page.evaluate("sessionStorage.setItem('empfehlungsradar.token', 'abgelaufen')");
    await page.getByRole('link', { name: 'Gremien-Scorecard' }).click();
    await page.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Anmeldung' }).count()).toBe(1);
  }, STEP);

  it('a region without any data: every page says so in German and none breaks; no demo marker', async () => {
    const regionId = randomUUID();
    const token = signTestToken('office', { regionIds: [regionId], userId: 'buero.leer' });
    await request(t.url)
      .post('/api/regions')
      .set('Authorization', `Bearer ${token}`)
      .send({ regionId, name: 'Bildungsregion Ohnedaten', contractSignedOn: '2024-01-15' })
      .expect(201);
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const p = await office.newPage();
    watch(p);
    await p.goto(`${t.url}/`);
    const account = { email: 'buero@ohnedaten.example', displayName: 'Bildungsbüro', role: 'office', regionIds: [regionId], committeeIds: [] };
    await p.evaluate(`sessionStorage.setItem('empfehlungsradar.token', ${JSON.stringify(token)}); sessionStorage.setItem('empfehlungsradar.account', ${JSON.stringify(JSON.stringify(account))})`);
    const expectations: [string, string][] = [
      ['uebersicht', 'Noch keine Empfehlungen beschlossen.'],
      ['empfehlungen', 'Noch keine Empfehlungen erfasst.'],
      ['gremien', 'Noch keine Übergaben an Gremien.'],
      ['wirkung', 'Noch keine Wirkungsindikatoren festgelegt.'],
      ['nachhaltigkeit', 'Noch keine Empfehlung umgesetzt.'],
      ['bericht', 'Noch keine Konferenz mit Empfehlungen.'],
    ];
    for (const [route, text] of expectations) {
      await p.goto(`${t.url}/#/${route}`);
      await p.getByText(text).first().waitFor();
      expect(await p.locator('#region').textContent()).toContain('Bildungsregion Ohnedaten');
      expect(await p.locator('#demo').isVisible()).toBe(false);
      expect(await p.locator('.fehler').count()).toBe(0);
    }
    await shot('14-leere-region', p);
    await office.close();
  }, STEP);
});
