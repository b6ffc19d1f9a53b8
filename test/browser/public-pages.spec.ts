import type { Page, Request } from 'playwright-core';
import { DEMO_REGION_ID, demoRecommendationId } from '../../apps/api/src/demo';
import { PagesHarness } from './pages-harness';

const SEEDING = 240_000;
const STEP = 90_000;

/** "Was wurde aus …?" in Chromium: without login, switched by the office, linked from the report. */
describe('public pages in Chromium', () => {
  const h = new PagesHarness('oeffentlich');
  let anonymous: Page;
  const requests: Request[] = [];
  const home = () => `${h.t.url}/#/oeffentlich/${DEMO_REGION_ID}`;

  beforeAll(async () => {
    await h.start();
    anonymous = await h.page();
    anonymous.on('request', (r) => requests.push(r));
  }, SEEDING);
  afterAll(() => h.stop());
  afterEach(() => expect(h.takeProblems()).toEqual([]));

  it('anyone sees the conferences, a conference’s recommendations and one recommendation’s story, without login', async () => {
    await anonymous.goto(home());
    await anonymous.getByRole('heading', { level: 1, name: 'Was wurde aus den Empfehlungen der Bildungskonferenz?' }).waitFor();
    expect(await anonymous.locator('#region').textContent()).toBe('· Bildungsregion Stadt Düsseldorf (Demodaten)');
    expect(await anonymous.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(false);
    expect(await anonymous.getByLabel('Passwort').count()).toBe(0);
    const conferences = anonymous.locator('table.oeffentlich-liste tbody tr');
    expect(await conferences.count()).toBe(10);
    expect(await conferences.first().textContent()).toBe('1. Bildungskonferenz25.11.20093');
    await h.shot(anonymous, '01-konferenzen');

    await anonymous.getByRole('link', { name: '7. Bildungskonferenz' }).click();
    await anonymous.getByRole('heading', { level: 1, name: 'Was wurde aus den Empfehlungen der 7. Bildungskonferenz?' }).waitFor();
    const rows = anonymous.locator('table.oeffentlich-liste tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().locator('th').textContent()).toBe('7. BK / 1');
    expect(await rows.first().textContent()).toContain('nachhaltig verankert');
    await h.shot(anonymous, '02-konferenz');

    await anonymous.getByRole('link', { name: '7. BK / 1' }).click();
    await anonymous.getByRole('heading', { level: 1, name: /^Was wurde aus „.+“\?$/ }).waitFor();
    expect(anonymous.url()).toContain(`/empfehlung/${demoRecommendationId('bk7-1')}`);
    expect(await anonymous.locator('.eckdaten').textContent()).toContain('nachhaltig verankert');
    const timeline = anonymous.locator('.verlauf-eintrag');
    expect(await timeline.first().textContent()).toBe('21.11.2018Von der 7. Bildungskonferenz beschlossen.');
    const text = (await anonymous.locator('main').textContent())!;
    // No people, no bookkeeping: neither who recorded a step nor corrections.
    for (const internal of ['Erfasst am', 'Konto', 'im Namen', 'Korrektur', 'Lenkungskreis (Demo)', 'Grund:']) expect(text).not.toContain(internal);
    expect(await anonymous.locator('svg.linie').count()).toBe(1);
    await h.shot(anonymous, '03-empfehlung');

    // Fetched without a token (cacheable for everyone), and only the public page's module loaded.
    const api = requests.filter((r) => r.url().includes('/api/'));
    expect(api.length).toBe(3);
    for (const r of api) {
      expect(r.url()).toContain('/api/public/regions/');
      expect(await r.headerValue('authorization')).toBeNull();
    }
    const modules = requests.map((r) => new URL(r.url()).pathname).filter((p) => p.startsWith('/js/pages/'));
    expect(modules.map((p) => p.replace(/\.[0-9a-f]{10}\.js$/, '.js'))).toEqual(['/js/pages/public.js']);
  }, STEP);

  it('the office switches them off and on in Einstellungen; off, the public address says so in German', async () => {
    const steering = await h.page();
    await h.login(steering, 'steering');
    expect(await steering.getByRole('link', { name: 'Einstellungen' }).isVisible()).toBe(false);

    const office = await h.page();
    await h.login(office, 'office');
    await office.getByRole('link', { name: 'Einstellungen' }).click();
    await office.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
    const box = office.getByLabel('Öffentliche Ansichten einschalten');
    expect(await box.isChecked()).toBe(true);
    expect(await office.locator('#oeffentlich-adresse a').textContent()).toBe(`${h.t.url}/#/oeffentlich/${DEMO_REGION_ID}`);
    await box.uncheck();
    await office.getByRole('button', { name: 'Speichern' }).click();
    await office.getByText('Gespeichert: die öffentlichen Ansichten sind ausgeschaltet.').waitFor();
    await h.shot(office, '04-einstellungen-aus');

    // A new visitor (the answers may be cached for a minute by whoever fetched them before).
    h.provoked = new Set([404]);
    const visitor = await h.page();
    await visitor.goto(home());
    await visitor.getByRole('alert').filter({ hasText: 'zeigt keine öffentlichen Ansichten' }).waitFor();
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Was wurde aus …?');
    await h.shot(visitor, '05-ausgeschaltet');

    await box.check();
    await office.getByRole('button', { name: 'Speichern' }).click();
    await office.getByText('Gespeichert: die öffentlichen Ansichten sind eingeschaltet.').waitFor();
    const later = await h.page();
    await later.goto(home());
    await later.getByRole('heading', { level: 1, name: 'Was wurde aus den Empfehlungen der Bildungskonferenz?' }).waitFor();
    await visitor.close();
    await later.close();
    await steering.close();
    await office.close();
  }, STEP);

  it('the printed report names the public address of its conference, and the link leads there', async () => {
    const steering = await h.page();
    await h.login(steering, 'steering');
    await steering.getByRole('link', { name: 'Bericht an die Bildungskonferenz' }).click();
    await steering.locator('.bericht-seite').first().waitFor();
    const address = steering.locator('.bericht-seite').nth(6).locator('.oeffentliche-adresse a');
    const href = (await address.textContent())!;
    expect(href).toMatch(new RegExp(`^${h.t.url.replace(/[.]/g, '\\.')}/#/oeffentlich/${DEMO_REGION_ID}/konferenz/[0-9a-f-]{36}$`));
    await steering.emulateMedia({ media: 'print' });
    try {
      expect(await address.isVisible()).toBe(true);
      await h.shot(steering, '06-bericht-druck-adresse');
    } finally {
      await steering.emulateMedia({ media: null });
    }
    // Anyone opening it (a new browser, no login) lands on that conference's public page.
    const reader = await h.page();
    await reader.goto(href);
    await reader.getByRole('heading', { level: 1, name: 'Was wurde aus den Empfehlungen der 7. Bildungskonferenz?' }).waitFor();
    await steering.close();
    await reader.close();
  }, STEP);
});
