import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AUTH_DATA_SOURCE } from '../../apps/api/src/auth/auth.tokens';
import { createAccount } from '../../apps/api/src/auth/accounts';
import { signTestToken } from '../support/auth';
import { LIST_HEADER, csvOf } from '../support/import-files';
import { eventStoreOf } from '../support/event-log';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium } from './chromium';
import { writeOperations } from './write-operations';

const STEP = 120_000;
const WRITE_PAGES = ['Meine Aufträge', 'Arbeitsliste', 'Empfehlung erfassen', 'Verwaltung'];
const writePages = (nav: string[]) => nav.filter((n) => WRITE_PAGES.includes(n));
const PASSWORD = 'Sicheres-Passwort-2026';

/** Berlin's today plus `offset` days: as the form wants it typed (TT.MM.JJJJ) and as the API stores it. */
function day(offset: number): { de: string; iso: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  const iso = d.toISOString().slice(0, 10);
  return { iso, de: iso.split('-').reverse().join('.') };
}

/**
 * Every role's jobs through the web interface, in an English-locale Chromium (dates must still be
 * TT.MM.JJJJ): the office sets up the network and records recommendations, the Lenkungskreis hands
 * off, the committee answers and reports, the office measures, the Lenkungskreis reviews, the
 * auditor travels back in time; two tabs conflict. Every POST/PUT under a region that the OpenAPI
 * document lists must have been sent by the interface with a 2xx answer. Dates are relative to
 * today, so the business rules about "not in the future" hold on any day the suite runs.
 */
describe('role journeys in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let regionId: string;
  const contexts: BrowserContext[] = [];
  /** "POST /api/regions/{regionId}/…" → statuses the interface got. */
  const sent = new Map<string, number[]>();
  let operations: { key: string; pattern: RegExp }[] = [];
  /** The If-Match each successful write carried (null: none). */
  const ifMatch = new Map<string, (string | null)[]>();
  const problems: string[] = [];
  /** Statuses a step provokes on purpose (Chromium logs them as failed resources). */
  let provoked = new Set<number>();
  const shots = join(process.cwd(), 'test', 'artifacts', 'role-journeys');
  const ids: Record<string, string> = {};

  const shot = async (p: Page, name: string) => p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  async function newRolePage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    contexts.push(context);
    context.on('response', (r) => {
      const method = r.request().method();
      if (method !== 'POST' && method !== 'PUT' && method !== 'DELETE') return;
      const path = new URL(r.url()).pathname;
      const op = operations.find((o) => o.key.startsWith(`${method} `) && o.pattern.test(path));
      if (op) sent.set(op.key, [...(sent.get(op.key) ?? []), r.status()]);
      if (op && r.status() < 300) ifMatch.set(op.key, [...(ifMatch.get(op.key) ?? []), r.request().headers()['if-match'] ?? null]);
    });
    const p = await context.newPage();
    p.on('pageerror', (e) => problems.push(`Skriptfehler: ${e.message}`));
    p.on('console', (m) => {
      const status = /status of (\d{3})/.exec(m.text());
      const lost = /ERR_CONNECTION_RESET/.test(m.text()) && provoked.has(0);
      if (m.type() === 'error' && !(status && provoked.has(Number(status[1]))) && !lost) problems.push(`Konsole: ${m.text()}`);
    });
    return p;
  }

  async function login(email: string): Promise<Page> {
    const p = await newRolePage();
    await p.goto(`${t.url}/`);
    await p.getByLabel('E-Mail-Adresse').fill(email);
    await p.getByLabel('Passwort').fill(PASSWORD);
    await p.getByRole('button', { name: 'Anmelden' }).click();
    await p.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    return p;
  }

  /** Opens a page of the interface, freshly rendered even when the tab shows it already. */
  async function visit(p: Page, hash: string) {
    if (p.url() === `${t.url}/${hash}`) await p.reload();
    else await p.goto(`${t.url}/${hash}`);
    await p.locator('#inhalt h1').first().waitFor();
  }

  /** A command form by its name, opened if folded. */
  async function openForm(p: Page, name: string, within: Locator | Page = p): Promise<Locator> {
    const form = within.locator(`[data-befehl="${name}"]`).first();
    await form.waitFor();
    if ((await form.evaluate((el) => el.tagName)) === 'DETAILS' && !(await form.evaluate((el) => (el as unknown as { open: boolean }).open))) {
      await form.locator('summary').click();
    }
    return form;
  }

  /** Waits for the page's success line; a form's error instead fails at once with its text. */
  async function saved(p: Page, text: string) {
    const outcome = p.locator('#inhalt .erfolg').filter({ hasText: text }).or(p.locator('.formular-meldung:not(:empty)'));
    await outcome.first().waitFor();
    const refused = p.locator('.formular-meldung:not(:empty)');
    if (await refused.count()) throw new Error(`Statt „${text}“: ${(await refused.allTextContents()).join(' / ')}`);
  }

  const field = (form: Locator, label: string) => form.getByLabel(label, { exact: true });
  const events = async (recommendationId: string) => (await eventStoreOf(t.app).readStream(`recommendation-${recommendationId}`)).map((e) => e.type);
  const befehle = async (p: Page) => (await p.locator('[data-befehl]').evaluateAll((els) => els.map((e) => e.getAttribute('data-befehl')))).sort();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchChromium();
    t = await startTestApp();
    operations = await writeOperations(t.url);
    // The region and its office account exist before anyone can log in (as `npm run user:create` does).
    regionId = randomUUID();
    await request(t.url)
      .post('/api/regions')
      .set('Authorization', `Bearer ${signTestToken('office', { regionIds: [regionId], userId: 'einrichtung' })}`)
      .send({ regionId, name: 'Bildungsregion Musterstadt', contractSignedOn: day(-900).iso })
      .expect(201);
    const accounts = t.app.get<DataSource>(AUTH_DATA_SOURCE, { strict: false });
    await createAccount(accounts, { email: 'buero@musterstadt.example', displayName: 'Frau Büro', password: PASSWORD, role: 'office', regionIds: [regionId] });
  }, STEP);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
    provoked = new Set();
  });

  let office: Page;
  let steering: Page;
  let member: Page;

  it('the office sets up conferences, committees, accounts and public views (Verwaltung)', async () => {
    office = await login('buero@musterstadt.example');
    // The write pages of each role, and no other role's (other pages come and go with other work).
    expect(writePages(await office.locator('#navigation li:not([hidden])').allTextContents())).toEqual(['Empfehlung erfassen', 'Verwaltung']);
    await office.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
    await office.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();

    for (const [name, short, kind] of [
      ['Fachgremium Übergang Schule/Beruf', 'FG ÜSB', 'Fachgremium'],
      ['Schulausschuss', 'SchA', 'Ausschuss (politisch)'],
      ['Arbeitskreis Alt', 'AK Alt', 'externe Stelle'],
    ]) {
      const form = await openForm(office, 'register-committee');
      await field(form, 'Name').fill(name);
      await field(form, 'Kurzname').fill(short);
      await field(form, 'Art').selectOption({ label: kind });
      await field(form, 'Handlungsfelder').fill('Übergang Schule/Beruf');
      await form.getByRole('button', { name: 'Gremium registrieren' }).click();
      await saved(office, 'Das Gremium ist registriert.');
    }
    let form = await openForm(office, 'rename-committee');
    await field(form, 'Gremium').selectOption({ label: 'Arbeitskreis Alt' });
    await field(form, 'Neuer Name').fill('Arbeitskreis Ehemalige');
    await field(form, 'Neuer Kurzname').fill('AK Ehem');
    await form.getByRole('button', { name: 'Umbenennen' }).click();
    await saved(office, 'Das Gremium ist umbenannt.');
    form = await openForm(office, 'dissolve-committee');
    await field(form, 'Gremium').selectOption({ label: 'Arbeitskreis Ehemalige' });
    await field(form, 'Aufgelöst zum').fill(day(0).de);
    await field(form, 'Nachfolgegremium').selectOption({ label: 'Schulausschuss' });
    await form.getByRole('button', { name: 'Auflösen' }).click();
    await saved(office, 'Das Gremium ist aufgelöst.');
    form = await openForm(office, 'committee-contacts');
    await field(form, 'Gremium').selectOption({ label: 'Fachgremium Übergang Schule/Beruf' });
    await field(form, 'Kontakte').fill('Frau Vorsitz <vorsitz@fg-uesb.example>\ngeschaeftsstelle@fg-uesb.example');
    await form.getByRole('button', { name: 'Kontakte speichern' }).click();
    await saved(office, 'Die Kontaktadressen sind gespeichert.');
    form = await openForm(office, 'calendar-feed');
    await field(form, 'Gremium').selectOption({ label: 'Fachgremium Übergang Schule/Beruf' });
    await form.getByRole('button', { name: 'Kalender-Adresse erzeugen' }).click();
    await saved(office, 'Neue Kalender-Adresse (die bisherige gilt nicht mehr): ');
    const feedUrl = (await office.locator('#inhalt .erfolg').first().textContent())!.replace(/^.*: /, '');
    expect(feedUrl).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await office.locator('table.gremien tbody tr').allTextContents()).toEqual([
      `Arbeitskreis EhemaligeAK Ehemexterne StelleÜbergang Schule/Berufaufgelöst zum ${day(0).de}, Nachfolge: Schulausschuss`,
      'Fachgremium Übergang Schule/BerufFG ÜSBFachgremiumÜbergang Schule/Berufaktiv',
      'SchulausschussSchAAusschuss (politisch)Übergang Schule/Berufaktiv',
    ]);

    // A date typed the German way whatever the browser's language; a wrong one is named at its field.
    provoked = new Set([400]);
    form = await openForm(office, 'schedule-conference');
    expect(await field(form, 'Tag der Konferenz').getAttribute('placeholder')).toBe('TT.MM.JJJJ');
    await field(form, 'Nummer').fill('1');
    await field(form, 'Titel').fill('1. Bildungskonferenz Musterstadt');
    await field(form, 'Tag der Konferenz').fill('12/31/2024');
    await form.getByRole('button', { name: 'Konferenz ansetzen' }).click();
    await form.locator('.feld-fehler', { hasText: 'TT.MM.JJJJ' }).waitFor();
    expect(await form.locator('[data-feld="date"] .feld-fehler').textContent()).toBe('Bitte ein Datum im Format TT.MM.JJJJ angeben, z. B. 14.09.2019.');
    await field(form, 'Tag der Konferenz').fill(day(-500).de);
    await field(form, 'Themen').fill('Übergang Schule/Beruf\nInklusion');
    await form.getByRole('button', { name: 'Konferenz ansetzen' }).click();
    await saved(office, 'Die Konferenz ist angesetzt.');
    form = await openForm(office, 'hold-conference');
    await field(form, 'Abgehalten am').fill(day(-500).de);
    await form.getByRole('button', { name: 'Als abgehalten vermerken' }).click();
    await saved(office, 'Die Konferenz ist als abgehalten vermerkt.');
    form = await openForm(office, 'schedule-conference');
    await field(form, 'Nummer').fill('2');
    await field(form, 'Titel').fill('2. Bildungskonferenz Musterstadt');
    await field(form, 'Tag der Konferenz').fill(day(60).de);
    await form.getByRole('button', { name: 'Konferenz ansetzen' }).click();
    await saved(office, 'Die Konferenz ist angesetzt.');
    form = await openForm(office, 'reschedule-conference');
    await field(form, 'Neuer Tag').fill(day(67).de);
    await field(form, 'Begründung').fill('Terminüberschneidung mit der Ratssitzung');
    await form.getByRole('button', { name: 'Verlegen' }).click();
    await saved(office, 'Die Konferenz ist verlegt.');
    expect(await office.locator('table.konferenzen tbody tr').allTextContents()).toEqual([
      `1. Bildungskonferenz` + `Bildungskonferenz1. Bildungskonferenz Musterstadt${day(-500).de}abgehalten am ${day(-500).de}0`,
      `2. Bildungskonferenz` + `Bildungskonferenz2. Bildungskonferenz Musterstadt${day(67).de}geplant0`,
    ]);

    // Accounts: a weak password is refused at its field, in German.
    form = await openForm(office, 'create-account');
    await field(form, 'Name').fill('Lena Lenkmann');
    await field(form, 'E-Mail-Adresse').fill('lenkung@musterstadt.example');
    await field(form, 'Rolle').selectOption({ label: 'Lenkungskreis' });
    await field(form, 'Anfangspasswort').fill('kurz');
    await form.getByRole('button', { name: 'Konto anlegen' }).click();
    await form.locator('[data-feld="password"] .feld-fehler:not(:empty)').waitFor();
    expect(await form.locator('[data-feld="password"] .feld-fehler').textContent()).toMatch(/^Das Passwort .*10 Zeichen/);
    await field(form, 'Anfangspasswort').fill(PASSWORD);
    await form.getByRole('button', { name: 'Konto anlegen' }).click();
    await saved(office, 'Das Konto für lenkung@musterstadt.example ist angelegt.');
    for (const [name, email, role, committee] of [
      ['Gustav Gremm', 'gremium@musterstadt.example', 'Gremium', 'Fachgremium Übergang Schule/Beruf'],
      ['Paula Prüfer', 'pruefung@musterstadt.example', 'Prüfung', undefined],
      ['Otto Ausgeschieden', 'alt@musterstadt.example', 'Lenkungskreis', undefined],
    ] as const) {
      form = await openForm(office, 'create-account');
      await field(form, 'Name').fill(name);
      await field(form, 'E-Mail-Adresse').fill(email);
      await field(form, 'Rolle').selectOption({ label: role });
      if (committee) await form.getByLabel(committee).check();
      await field(form, 'Anfangspasswort').fill(PASSWORD);
      await form.getByRole('button', { name: 'Konto anlegen' }).click();
      await saved(office, `Das Konto für ${email} ist angelegt.`);
    }
    form = await openForm(office, 'disable-account');
    await field(form, 'Konto').selectOption({ label: 'Otto Ausgeschieden (alt@musterstadt.example)' });
    await form.getByRole('button', { name: 'Konto sperren' }).click();
    await saved(office, 'Das Konto alt@musterstadt.example ist gesperrt.');
    expect(await office.locator('table.konten tbody tr').allTextContents()).toEqual([
      'Otto Ausgeschiedenalt@musterstadt.exampleLenkungskreis–gesperrt',
      'Frau Bürobuero@musterstadt.exampleRegionales Bildungsbüro–aktiv',
      'Gustav Gremmgremium@musterstadt.exampleGremiumFachgremium Übergang Schule/Berufaktiv',
      'Lena Lenkmannlenkung@musterstadt.exampleLenkungskreis–aktiv',
      'Paula Prüferpruefung@musterstadt.examplePrüfung–aktiv',
    ]);
    await shot(office, '01-verwaltung');

    // The public views are switched under Einstellungen.
    await office.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
    await office.getByLabel('Öffentliche Ansichten einschalten').check();
    await office.getByRole('button', { name: 'Speichern' }).click();
    await office.getByText('Gespeichert: die öffentlichen Ansichten sind eingeschaltet.').waitFor();
  }, STEP);

  it('reads German dates and Berlin times in an English browser, across daylight saving', async () => {
    const read = (source: string) => office.evaluate(`import('/js/forms/dates.js').then((d) => (${source}))`);
    expect(await read("['1.2.2026', '01.02.2026', '2026-02-01', '31.02.2026', '2026-02-30', '02/01/2026', '', '1.2.26'].map((t) => d.parseDate(t))")).toEqual(
      ['2026-02-01', '2026-02-01', '2026-02-01', null, null, null, '', null],
    );
    expect(await read("[d.parseInstant('14.07.2026 12:00:00'), d.parseInstant('07.12.2026 12:00:00'), d.parseInstant('29.03.2026 03:30:00'), d.parseInstant('07.12.2026 12:00:09', { wholeSecond: true }), d.parseInstant('2026-12-07T11:00:09.250Z', { wholeSecond: true }), d.parseInstant('12/07/2026 12:00')]")).toEqual(
      ['2026-07-14T10:00:00.000Z', '2026-12-07T11:00:00.000Z', '2026-03-29T01:30:00.000Z', '2026-12-07T11:00:09.999Z', '2026-12-07T11:00:09.250Z', null],
    );
    expect(await read("[d.showInstant('2026-07-14T10:00:05.000Z'), d.showDate('2026-02-01')]")).toEqual(['14.07.2026 12:00:05', '01.02.2026']);
  });

  it('the office records three recommendations; a planned conference without recommendations is offered too', async () => {
    await office.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Empfehlung erfassen' }).click();
    await office.getByRole('heading', { level: 1, name: 'Empfehlung erfassen' }).waitFor();
    const form = office.locator('[data-befehl="adopt"]');
    const conference = field(form, 'Bildungskonferenz');
    expect(await conference.locator('option').allTextContents()).toEqual([
      `1. Bildungskonferenz (${day(-500).de}; 0 Empfehlungen)`,
      `2. Bildungskonferenz (geplant, ${day(67).de}; 0 Empfehlungen)`,
    ]);
    await conference.selectOption({ label: `2. Bildungskonferenz (geplant, ${day(67).de}; 0 Empfehlungen)` });
    expect(await conference.inputValue()).not.toBe('');

    // Server validation lands at the fields, in German.
    provoked = new Set([400, 409]);
    await conference.selectOption({ index: 0 });
    await field(form, 'Nummer').fill('1. BK / 1');
    await form.getByRole('button', { name: 'Empfehlung speichern' }).click();
    await form.locator('[data-feld="title"] .feld-fehler:not(:empty)').waitFor();
    expect(await form.locator('[data-feld="title"] .feld-fehler').textContent()).toBe('Bitte ausfüllen.');
    expect(await form.locator('[data-feld="text"] .feld-fehler').textContent()).toBe('Bitte ausfüllen.');
    expect(await form.locator('.formular-meldung').textContent()).toBe('Bitte die markierten Felder prüfen.');
    await shot(office, '02-erfassen-fehler');

    const recommendations = [
      ['rec1', '1. BK / 1', 'Berufsorientierung ab Klasse 8 verbindlich verankern', ['Fachgremium Übergang Schule/Beruf']],
      ['rec2', '1. BK / 2', 'Inklusive Ganztagsangebote ausbauen', ['Schulausschuss']],
      ['rec3', '1. BK / 3', 'Elternarbeit an Grundschulen stärken', []],
    ] as const;
    for (const [key, reference, title, addressed] of recommendations) {
      if (key !== 'rec1') {
        await office.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Empfehlung erfassen' }).click();
        await office.locator('[data-befehl="adopt"]').waitFor();
      }
      const f = office.locator('[data-befehl="adopt"]');
      await field(f, 'Bildungskonferenz').selectOption({ index: 0 });
      await field(f, 'Nummer').fill(reference);
      await field(f, 'Titel').fill(title);
      await field(f, 'Wortlaut').fill(`Die Bildungskonferenz empfiehlt: ${title}.`);
      await field(f, 'Handlungsfelder').fill('Übergang Schule/Beruf');
      for (const name of addressed) await f.locator('[data-feld="committeeIds"]').getByLabel(name).check();
      await field(f, 'Weitere Adressaten').fill('Rat der Stadt');
      await field(f, 'Beschlossen am').fill(day(-500).de);
      if (key === 'rec1') {
        // The adoption date cannot lie in the future: the domain's 409 is shown at the date field.
        await field(f, 'Beschlossen am').fill(day(1).de);
        await f.getByRole('button', { name: 'Empfehlung speichern' }).click();
        await f.locator('[data-feld="adoptedOn"] .feld-fehler:not(:empty)').waitFor();
        expect(await f.locator('[data-feld="adoptedOn"] .feld-fehler').textContent()).toBe('Das Datum liegt in der Zukunft.');
        await field(f, 'Beschlossen am').fill(day(-500).de);
      }
      await f.getByRole('button', { name: 'Empfehlung speichern' }).click();
      await saved(office, `Die Empfehlung ${reference} ist gespeichert.`);
      await office.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
      ids[key] = decodeURIComponent(/#\/empfehlung\/([^?]+)/.exec(office.url())![1]);
    }
    expect(await office.locator('.eckdaten').textContent()).toContain(`Beschlossen${day(-500).de} von der 1. Bildungskonferenz`);
    await shot(office, '03-empfehlung-erfasst');
  }, STEP);

  it('the Lenkungskreis sees its work list and hands recommendations off; a due date before the decision is refused at its field', async () => {
    steering = await login('lenkung@musterstadt.example');
    await steering.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Arbeitsliste' }).click();
    await steering.getByRole('heading', { level: 2, name: 'Beschlossen, noch nicht übergeben (3)' }).waitFor();
    await shot(steering, '04-arbeitsliste');
    // Adopted 500 days ago and untouched since: stalled as well.
    expect(await steering.getByRole('heading', { level: 2, name: 'Stockend (3)' }).count()).toBe(1);
    await steering.locator('section[aria-labelledby="liste-unuebergeben"]').getByRole('link', { name: '1. BK / 1' }).click();
    const form = await openForm(steering, 'hand-off');
    expect(await form.evaluate((el) => (el as unknown as { open: boolean }).open)).toBe(true);
    expect(await field(form, 'Gremium').locator('option').allTextContents()).toEqual(['Fachgremium Übergang Schule/Beruf', 'Schulausschuss']);
    await field(form, 'Gremium').selectOption({ label: 'Fachgremium Übergang Schule/Beruf' });
    await field(form, 'Auftrag').fill('Konzept für alle weiterführenden Schulen erarbeiten');
    await field(form, 'Beschlossen am').fill(day(-480).de);
    await field(form, 'Erster Bericht fällig am').fill(day(-490).de);
    provoked = new Set([409]);
    await form.getByRole('button', { name: 'Übergeben' }).click();
    await form.locator('[data-feld="reportDueOn"] .feld-fehler:not(:empty)').waitFor();
    expect(await form.locator('[data-feld="reportDueOn"] .feld-fehler').textContent()).toBe('Der Berichtstermin darf nicht vor dem Beschluss der Übergabe liegen.');
    await shot(steering, '05-uebergabe-fehler');
    await field(form, 'Erster Bericht fällig am').fill(day(-300).de);
    await form.getByRole('button', { name: 'Übergeben' }).click();
    await saved(steering, 'Die Übergabe ist gespeichert.');

    // 1. BK / 2: first to the Schulausschuss, withdrawn, then to the Fachgremium.
    await visit(steering, `#/empfehlung/${ids.rec2}`);
    let f = await openForm(steering, 'hand-off');
    await field(f, 'Gremium').selectOption({ label: 'Schulausschuss' });
    await field(f, 'Auftrag').fill('Bedarf erheben');
    await field(f, 'Beschlossen am').fill(day(-20).de);
    await field(f, 'Erster Bericht fällig am').fill(day(40).de);
    await f.getByRole('button', { name: 'Übergeben' }).click();
    await saved(steering, 'Die Übergabe ist gespeichert.');
    f = await openForm(steering, 'withdraw-hand-off');
    await field(f, 'Begründung').fill('Die Aufgabe liegt beim Fachgremium.');
    await f.getByRole('button', { name: 'Übergabe zurückziehen' }).click();
    await saved(steering, 'Die Übergabe ist zurückgezogen.');
    f = await openForm(steering, 'hand-off');
    await field(f, 'Gremium').selectOption({ label: 'Fachgremium Übergang Schule/Beruf' });
    await field(f, 'Auftrag').fill('Bedarf erheben');
    await field(f, 'Beschlossen am').fill(day(-10).de);
    await field(f, 'Erster Bericht fällig am').fill(day(50).de);
    await f.getByRole('button', { name: 'Übergeben' }).click();
    await saved(steering, 'Die Übergabe ist gespeichert.');
    expect(await events(ids.rec2)).toEqual(['RecommendationAdopted', 'RecommendationHandedOff', 'HandOffWithdrawn', 'RecommendationHandedOff']);
  }, STEP);

  it('Meine Aufträge: overdue first, with accept / decline / report right there; a lost answer is retried with the same key and written once', async () => {
    member = await login('gremium@musterstadt.example');
    await member.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Aufträge' }).click();
    await member.getByText('2 offene Aufträge, davon 1 überfällig.').waitFor();
    const cards = member.locator('li.auftrag');
    expect(await cards.locator('h2').allTextContents()).toEqual(['1. BK / 1 Berufsorientierung ab Klasse 8 verbindlich verankern', '1. BK / 2 Inklusive Ganztagsangebote ausbauen']);
    expect(await cards.nth(0).locator('.auftrag-eckdaten').textContent()).toContain(`übergeben am ${day(-480).de} · Antwort fällig am ${day(-420).de} – überfällig`);
    expect(await cards.nth(1).locator('.auftrag-eckdaten').textContent()).toContain(`Antwort fällig am ${day(50).de}`);
    await cards.nth(1).locator('[data-befehl="decline"]').waitFor();
    await shot(member, '06-meine-auftraege');

    let f = await openForm(member, 'decline', cards.nth(1));
    await field(f, 'Begründung').fill('Das Fachgremium hat dafür keine Kapazität.');
    await f.getByRole('button', { name: 'Ablehnen' }).click();
    await saved(member, 'Die Ablehnung ist gespeichert.');
    f = await openForm(member, 'accept', member.locator('li.auftrag').nth(0));
    await field(f, 'Angenommen am').fill(day(-470).de);
    await field(f, 'Ansprechperson').fill('Herr Gremm');
    await f.getByRole('button', { name: 'Annehmen' }).click();
    await saved(member, 'Die Übergabe ist angenommen.');

    // The report goes through, but its answer is lost: the second click sends the same key.
    provoked = new Set([0]);
    const keys: string[] = [];
    let lose = true;
    await member.route('**/status-reports', async (route) => {
      keys.push(route.request().headers()['idempotency-key']!);
      if (!lose) return route.continue();
      lose = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    f = await openForm(member, 'status-report', member.locator('li.auftrag').nth(0));
    await field(f, 'Umsetzungsstand').selectOption({ label: 'in Umsetzung' });
    await field(f, 'Fortschritt in Prozent').fill('40');
    await field(f, 'Zusammenfassung').fill('Drei von acht Schulen haben begonnen.');
    await field(f, 'Belege').fill('Protokoll des Fachgremiums | https://musterstadt.example/protokoll.pdf');
    await field(f, 'Stand vom').fill(day(-450).de);
    await field(f, 'Nächster Bericht fällig am').fill(day(-200).de);
    await f.getByRole('button', { name: 'Bericht speichern' }).click();
    await f.locator('.formular-meldung .fehler', { hasText: 'Der Server ist nicht erreichbar' }).waitFor();
    await f.getByRole('button', { name: 'Bericht speichern' }).click();
    await saved(member, 'Der Bericht ist gespeichert.');
    await member.unroute('**/status-reports');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect((await events(ids.rec1)).filter((e) => e === 'ImplementationStatusReported')).toHaveLength(1);
  }, STEP);

  it('the committee reports "umgesetzt" on the recommendation page; a double click writes once', async () => {
    const rec1 = await eventStoreOf(t.app).readStream(`recommendation-${ids.rec1}`);
    const reportedAt = rec1.at(-1)!.recordedAt.getTime();
    // The auditor later separates the two reports by the second they were recorded in.
    await member.waitForFunction((after) => Date.now() >= after, Math.floor(reportedAt / 1000) * 1000 + 1000);
    await visit(member, `#/empfehlung/${ids.rec1}`);
    const f = await openForm(member, 'status-report');
    await field(f, 'Umsetzungsstand').selectOption({ label: 'umgesetzt' });
    await field(f, 'Fortschritt in Prozent').fill('100');
    await field(f, 'Zusammenfassung').fill('Alle acht Schulen bieten die Berufsorientierung ab Klasse 8 an.');
    await field(f, 'Stand vom').fill(day(-400).de);
    const posts: string[] = [];
    const listen = (r: { method(): string; url(): string }) => {
      if (r.method() === 'POST' && r.url().endsWith('/status-reports')) posts.push(r.url());
    };
    member.on('request', listen);
    await f.getByRole('button', { name: 'Bericht speichern' }).dblclick();
    await saved(member, 'Der Bericht ist gespeichert.');
    member.off('request', listen);
    expect(posts).toHaveLength(1);
    expect((await events(ids.rec1)).filter((e) => e === 'ImplementationStatusReported')).toHaveLength(2);
    expect(await member.locator('.eckdaten').textContent()).toContain('umgesetzt');
  }, STEP);

  it('the Lenkungskreis extends a report due date on the assignment and confirms the claim from its work list in one step', async () => {
    await visit(steering, `#/empfehlung/${ids.rec1}`);
    let f = await openForm(steering, 'revise-due-date');
    await field(f, 'Neue Berichtsfrist').fill(day(-10).de);
    await field(f, 'Begründung').fill('Die Schulstatistik erscheint später.');
    await field(f, 'Beschlossen am').fill(day(-5).de);
    provoked = new Set([409]);
    await f.getByRole('button', { name: 'Frist verlängern' }).click();
    await f.locator('[data-feld="newDueOn"] .feld-fehler:not(:empty)').waitFor();
    expect(await f.locator('[data-feld="newDueOn"] .feld-fehler').textContent()).toBe('Der neue Berichtstermin darf nicht vor dem Beschluss der Verlegung liegen.');
    await field(f, 'Neue Berichtsfrist').fill(day(60).de);
    await f.getByRole('button', { name: 'Frist verlängern' }).click();
    await saved(steering, 'Die neue Berichtsfrist ist gespeichert.');
    expect(await steering.locator('.verlauf-eintrag[data-typ="ReportDueDateRevised"]').textContent()).toContain(
      `Berichtsfrist auf den ${day(60).de} verlängert: Die Schulstatistik erscheint später.`,
    );
    expect(await steering.locator('.berichtsfristen').first().textContent()).toContain(`${day(60).de} (verlängert am ${day(-5).de}: Die Schulstatistik erscheint später.)`);
    expect(await steering.locator('.pruefung.offen').count()).toBe(1);

    await steering.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Arbeitsliste' }).click();
    await steering.getByRole('heading', { level: 2, name: 'Umsetzungsmeldungen zur Prüfung (1)' }).waitFor();
    const card = steering.locator('li.meldung', { hasText: '1. BK / 1' });
    expect(await card.locator('.auftrag-eckdaten').textContent()).toContain(`„umgesetzt“ gemeldet am ${day(-400).de} · wartet seit 400 Tagen`);
    expect(await card.locator('.zusammenfassung').textContent()).toBe('Alle acht Schulen bieten die Berufsorientierung ab Klasse 8 an.');
    f = await openForm(steering, 'verify', card);
    await field(f, 'Ergebnis der Prüfung').selectOption({ label: 'Umsetzung bestätigen' });
    await field(f, 'Vermerk').fill('Nachweis im Schulausschuss vorgestellt.');
    await f.getByRole('button', { name: 'Prüfung speichern' }).click();
    await saved(steering, 'Die Prüfung ist gespeichert.');
    await steering.getByRole('heading', { level: 2, name: 'Umsetzungsmeldungen zur Prüfung (0)' }).waitFor();
    expect((await events(ids.rec1)).filter((e) => e === 'ImplementationVerified' || e === 'ReportDueDateRevised')).toEqual(['ReportDueDateRevised', 'ImplementationVerified']);
    await visit(steering, `#/empfehlung/${ids.rec1}`);
    expect(await steering.locator('.verlauf-eintrag[data-typ="ImplementationVerified"]').textContent()).toContain('Umsetzung durch den Lenkungskreis bestätigt');
    expect(await steering.locator('.pruefung.bestaetigt').textContent()).toContain('bestätigt am');
  }, STEP);

  it('the office records an indicator and a measurement for the committee, amends, corrects and reports the outcome', async () => {
    await visit(office, `#/empfehlung/${ids.rec1}`);
    let f = await openForm(office, 'indicator');
    await field(f, 'Bezeichnung').fill('Schulen mit Berufsorientierung ab Klasse 8');
    await field(f, 'Einheit').fill('Schulen');
    await field(f, 'Ausgangswert').fill('0');
    await field(f, 'Ausgangswert vom').fill(day(-480).de);
    await field(f, 'Zielwert').fill('8');
    await field(f, 'Ziel zu erreichen bis').fill(day(200).de);
    await field(f, 'Quelle').fill('Schulstatistik der Stadt');
    await f.getByRole('button', { name: 'Indikator festlegen' }).click();
    await saved(office, 'Der Wirkungsindikator ist festgelegt.');
    f = await openForm(office, 'measurement');
    await field(f, 'Messwert').fill('7,5');
    await field(f, 'Gemessen am').fill(day(-100).de);
    await field(f, 'Quelle').fill('Schulstatistik, Stand Sommer');
    await f.getByRole('button', { name: 'Messung speichern' }).click();
    await saved(office, 'Die Messung ist gespeichert.');
    expect(await office.locator('.indikator').textContent()).toContain('1 Messungen');

    f = await openForm(office, 'correction');
    const acceptance = await field(f, 'Eintrag').locator('option', { hasText: `${day(-470).de}: ` }).getAttribute('value');
    await field(f, 'Eintrag').selectOption(acceptance!);
    await field(f, 'Angabe').selectOption({ label: 'Ansprechperson' });
    await field(f, 'Richtiger Wert').fill('Frau Gremm');
    await field(f, 'Begründung').fill('Name falsch übertragen');
    await f.getByRole('button', { name: 'Korrektur speichern' }).click();
    await saved(office, 'Die Korrektur ist gespeichert.');
    f = await openForm(office, 'outcome');
    await field(f, 'Bericht').fill('Umgesetzt an allen acht Schulen.');
    await f.getByRole('button', { name: 'Bericht speichern' }).click();
    await saved(office, 'Der Bericht an die Konferenz ist gespeichert.');

    await visit(office, `#/empfehlung/${ids.rec2}`);
    f = await openForm(office, 'amend');
    await field(f, 'Wortlaut').fill('Die Bildungskonferenz empfiehlt, inklusive Ganztagsangebote an allen Grundschulen auszubauen.');
    await field(f, 'Begründung').fill('Redaktionelle Präzisierung');
    await f.getByRole('button', { name: 'Änderung speichern' }).click();
    await saved(office, 'Die Änderung ist gespeichert.');
    expect(await office.locator('blockquote.wortlaut').textContent()).toBe('Die Bildungskonferenz empfiehlt, inklusive Ganztagsangebote an allen Grundschulen auszubauen.');
  }, STEP);

  it('the Lenkungskreis reviews sustainability from its work list, withdraws one recommendation and supersedes another', async () => {
    await steering.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Arbeitsliste' }).click();
    await steering.getByRole('heading', { level: 2, name: 'Nachhaltigkeitsprüfung fällig (1)' }).waitFor();
    expect(await steering.getByRole('heading', { level: 2, name: 'Abgelehnt (1)' }).count()).toBe(1);
    expect(await steering.getByRole('heading', { level: 2, name: 'Beschlossen, noch nicht übergeben (1)' }).count()).toBe(1);
    await shot(steering, '07-arbeitsliste-pruefung');
    await steering.locator('section[aria-labelledby="liste-pruefung"]').getByRole('link', { name: '1. BK / 1' }).click();
    let f = await openForm(steering, 'review');
    await field(f, 'Ergebnis').selectOption({ label: 'nachhaltig verankert' });
    await f.getByLabel('Haushaltsmittel').check();
    await f.getByLabel('Regelstruktur').check();
    await field(f, 'Anmerkung').fill('Im Haushalt dauerhaft verankert; Koordinierungsstelle besetzt.');
    await f.getByRole('button', { name: 'Prüfung speichern' }).click();
    await saved(steering, 'Die Nachhaltigkeitsprüfung ist gespeichert.');
    expect(await steering.locator('.eckdaten').textContent()).toContain('nachhaltig verankert');

    await visit(steering, `#/empfehlung/${ids.rec2}`);
    f = await openForm(steering, 'withdraw');
    await field(f, 'Begründung').fill('Durch das Landesprogramm erledigt.');
    await f.getByRole('button', { name: 'Zurückziehen' }).click();
    await saved(steering, 'Die Empfehlung ist zurückgezogen.');
    expect(await steering.locator('[data-befehl]').count()).toBe(0);
    await visit(steering, `#/empfehlung/${ids.rec3}`);
    f = await openForm(steering, 'supersede');
    await field(f, 'Nachfolgende Empfehlung').selectOption({ label: '1. BK / 1 Berufsorientierung ab Klasse 8 verbindlich verankern' });
    await field(f, 'Begründung').fill('In 1. BK / 1 aufgegangen.');
    await f.getByRole('button', { name: 'Ersetzen' }).click();
    await saved(steering, 'Die Empfehlung ist als ersetzt vermerkt.');

    // The report names all three and counts, like the funnel of the same cohort, only 1. BK / 1.
    await steering.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Bericht an die Bildungskonferenz' }).click();
    const page1 = steering.locator('.bericht-seite').first();
    await page1.waitFor();
    expect(await page1.locator('.bericht-umfang').textContent()).toBe(
      `Konferenz vom ${day(-500).de} · Stand ${day(0).de} · 3 Empfehlungen, davon 2 zurückgezogen oder ersetzt (in den Zahlen nicht mitgezählt)`,
    );
    const funnel = await request(t.url).get(`/api/regions/${regionId}/views/funnel`).set('Authorization', `Bearer ${signTestToken('auditor', { regionIds: [regionId], userId: 'pruefung.test' })}`);
    const stages = (funnel.body as { conferences: { label: string; stages: { count: number; share: number | null }[] }[] }).conferences.find((c) => c.label === '1. Bildungskonferenz')!.stages;
    expect(await page1.locator('.stufe-wert').allTextContents()).toEqual(stages.map((s) => `${s.count} (${s.share === null ? '–' : `${Math.round(s.share * 100)} %`})`));
    expect(stages[0]!.count).toBe(1);
    await shot(steering, '08-bericht');
  }, STEP);

  it('the page shows what people wrote, who (name and role) and when (to the second); each role sees only its own commands', async () => {
    await visit(office, `#/empfehlung/${ids.rec1}`);
    const timeline = office.locator('.verlauf');
    await timeline.waitFor();
    const reports = office.locator('.verlauf-eintrag[data-typ="ImplementationStatusReported"]');
    expect(await reports.count()).toBe(2);
    expect(await reports.nth(0).locator('.verlauf-details').textContent()).toBe('ZusammenfassungDrei von acht Schulen haben begonnen.BelegProtokoll des Fachgremiums');
    expect(await reports.nth(0).locator('.verlauf-details a').getAttribute('href')).toBe('https://musterstadt.example/protokoll.pdf');
    expect(await reports.nth(0).locator('.verlauf-wer').textContent()).toMatch(/^Erfasst am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} Uhr von Gustav Gremm \(Gremium\)$/);
    const review = office.locator('.verlauf-eintrag[data-typ="SustainabilityReviewed"]');
    expect(await review.locator('.verlauf-details').textContent()).toBe('AnmerkungIm Haushalt dauerhaft verankert; Koordinierungsstelle besetzt.');
    expect(await review.locator('.verlauf-wer').textContent()).toContain('von Lena Lenkmann (Lenkungskreis)');
    expect(await office.locator('#pruefung-titel + ul').textContent()).toContain('Im Haushalt dauerhaft verankert');
    expect(await office.locator('.verlauf-eintrag[data-typ="ImpactIndicatorDefined"] .verlauf-wer').textContent()).toContain('von Frau Büro (Regionales Bildungsbüro)');
    expect(await office.locator('.verlauf-eintrag[data-typ="OutcomeReportedToConference"] .verlauf-details').textContent()).toBe('BerichtUmgesetzt an allen acht Schulen.');
    expect(await office.locator('.verlauf-eintrag.korrigiert .korrekturen').textContent()).toContain('Name falsch übertragen');
    await shot(office, '08-empfehlung-verlauf');
    await visit(office, `#/empfehlung/${ids.rec2}`);
    expect(await office.locator('.verlauf-eintrag[data-typ="HandOffDeclined"]').textContent()).toContain('Grund: Das Fachgremium hat dafür keine Kapazität.');

    await visit(office, `#/empfehlung/${ids.rec1}`);
    await office.locator('.verlauf').waitFor();
    expect(await befehle(office)).toEqual(['amend', 'correction', 'indicator', 'measurement', 'outcome', 'revise-due-date', 'status-report']);
    await visit(steering, `#/empfehlung/${ids.rec1}`);
    await steering.locator('.verlauf').waitFor();
    expect(await befehle(steering)).toEqual(['hand-off', 'review', 'revise-due-date', 'supersede', 'withdraw', 'withdraw-hand-off']);
    await visit(member, `#/empfehlung/${ids.rec1}`);
    await member.locator('.verlauf').waitFor();
    expect(await befehle(member)).toEqual(['indicator', 'measurement', 'status-report']);
    expect(writePages(await member.locator('#navigation li:not([hidden])').allTextContents())).toEqual(['Meine Aufträge']);
    expect(writePages(await steering.locator('#navigation li:not([hidden])').allTextContents())).toEqual(['Arbeitsliste']);
  }, STEP);

  it('the auditor sees no commands and the history as it stood before the report, by business day and by record time to the second', async () => {
    const auditor = await login('pruefung@musterstadt.example');
    expect(writePages(await auditor.locator('#navigation li:not([hidden])').allTextContents())).toEqual([]);
    await visit(auditor, `#/empfehlung/${ids.rec1}`);
    await auditor.locator('.verlauf').waitFor();
    expect(await auditor.locator('[data-befehl]').count()).toBe(0);
    expect(await auditor.getByRole('heading', { level: 2, name: 'Aktueller Stand' }).count()).toBe(1);

    // Stand am: the day before "umgesetzt" was reported.
    await auditor.getByRole('textbox', { name: 'Stand am' }).fill(day(-401).de);
    await auditor.getByRole('button', { name: 'Anzeigen' }).first().click();
    await auditor.getByRole('heading', { level: 2, name: `Stand am ${day(-401).de}` }).waitFor();
    expect(await auditor.locator('.eckdaten').textContent()).toContain('in Umsetzung');
    expect(await auditor.locator('.verlauf-eintrag[data-typ="ImplementationStatusReported"]').count()).toBe(1);
    expect(await auditor.getByRole('textbox', { name: 'Stand am' }).inputValue()).toBe(day(-401).de);
    await shot(auditor, '09-pruefung-stand-am');

    // Erfasst bis: the second the first report was recorded in, as the timeline shows it.
    await auditor.getByRole('button', { name: 'Heute' }).click();
    await auditor.getByRole('heading', { level: 2, name: 'Aktueller Stand' }).waitFor();
    const first = auditor.locator('.verlauf-eintrag[data-typ="ImplementationStatusReported"]').first().locator('.verlauf-wer');
    const [, shown, time] = /^Erfasst am (\d{2}\.\d{2}\.\d{4}), (\d{2}:\d{2}:\d{2}) Uhr/.exec((await first.textContent())!)!;
    await auditor.getByText('Für die Prüfung: Stand der Erfassung').click();
    await auditor.getByLabel('Erfasst bis').fill(`${shown} ${time}`);
    await auditor.getByRole('button', { name: 'Anzeigen' }).nth(1).click();
    await auditor.getByRole('heading', { level: 2, name: `Stand nach Erfassung bis ${shown}, ${time} Uhr` }).waitFor();
    expect(await auditor.locator('.verlauf-eintrag[data-typ="ImplementationStatusReported"]').count()).toBe(1);
    expect(await auditor.locator('.verlauf-eintrag[data-typ="SustainabilityReviewed"]').count()).toBe(0);
    expect(await auditor.locator('.eckdaten').textContent()).toContain('in Umsetzung');
    expect(await auditor.getByLabel('Erfasst bis').inputValue()).toBe(`${shown} ${time}`);
    await shot(auditor, '10-pruefung-erfasst-bis');
  }, STEP);

  it('the auditor follows a recommendation, a committee and a conference by mail and unsubscribes in Meine Abonnements', async () => {
    const auditor = await login('pruefung@musterstadt.example');
    await visit(auditor, `#/empfehlung/${ids.rec1}`);
    let box = auditor.getByRole('form', { name: /^der Empfehlung .* folgen$/ });
    await field(box, 'Benachrichtigung').selectOption({ label: 'tägliche Zusammenfassung' });
    await box.getByRole('button', { name: 'Folgen' }).click();
    await saved(auditor, 'jetzt (tägliche Zusammenfassung)');
    box = auditor.getByRole('form', { name: /^der Empfehlung .* folgen$/ });
    expect(await box.textContent()).toContain('per E-Mail (tägliche Zusammenfassung)');
    await box.getByRole('button', { name: 'Abbestellen' }).click();
    await saved(auditor, 'Abbestellt: Sie bekommen keine Mails mehr');
    await auditor.getByRole('form', { name: /^der Empfehlung .* folgen$/ }).getByRole('button', { name: 'Folgen' }).click();
    await saved(auditor, 'jetzt (bei jeder Änderung)');

    await visit(auditor, '#/gremien');
    let picker = auditor.getByRole('form', { name: 'Einem Gremium folgen' });
    await field(picker, 'Folgen: Gremium').selectOption({ label: 'Schulausschuss' });
    await field(picker, 'Benachrichtigung').selectOption({ label: 'tägliche Zusammenfassung' });
    await picker.getByRole('button', { name: 'Folgen' }).click();
    await saved(auditor, 'Sie folgen „Schulausschuss“ (tägliche Zusammenfassung)');
    await visit(auditor, '#/bericht');
    picker = auditor.getByRole('form', { name: 'Den Empfehlungen einer Konferenz folgen' });
    await field(picker, 'Folgen: Konferenz').selectOption({ index: 0 });
    await picker.getByRole('button', { name: 'Folgen' }).click();
    await saved(auditor, '(bei jeder Änderung)');

    await auditor.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Abonnements' }).click();
    await auditor.getByRole('heading', { level: 1, name: 'Meine Abonnements' }).waitFor();
    const rows = auditor.locator('table.abonnements tbody tr');
    await rows.first().waitFor();
    expect((await rows.locator('th').allTextContents()).sort()).toEqual(['Bildungskonferenz', 'Empfehlung', 'Gremium']);
    await auditor.getByRole('button', { name: 'Schulausschuss abbestellen' }).click();
    await saved(auditor, 'Abbestellt: Schulausschuss.');
    expect((await rows.locator('th').allTextContents()).sort()).toEqual(['Bildungskonferenz', 'Empfehlung']);
    await shot(auditor, '10b-abonnements');
  }, STEP);

  it('two tabs: one write, and the other form says who changed what since and keeps what was typed', async () => {
    provoked = new Set([412]);
    const second = await login('buero@musterstadt.example');
    await Promise.all([visit(office, `#/empfehlung/${ids.rec1}`), visit(second, `#/empfehlung/${ids.rec1}`)]);
    const a = await openForm(office, 'amend');
    const b = await openForm(second, 'amend');
    await field(a, 'Titel').fill('Berufsorientierung ab Klasse 7 verbindlich verankern');
    await field(a, 'Begründung').fill('Beschluss des Lenkungskreises');
    await field(b, 'Wortlaut').fill('Mein ausführlich getippter neuer Wortlaut.');
    await field(b, 'Begründung').fill('Meine Begründung');
    await a.getByRole('button', { name: 'Änderung speichern' }).click();
    await saved(office, 'Die Änderung ist gespeichert.');
    await b.getByRole('button', { name: 'Änderung speichern' }).click();
    const notice = b.locator('.konflikt');
    await notice.waitFor();
    expect(await notice.locator('p').first().textContent()).toBe(
      'Jemand anderes hat diese Empfehlung inzwischen geändert. Ihre Eingaben sind noch da und wurden nicht gespeichert. Bitte prüfen Sie, ob sie zum neuen Stand passen.',
    );
    expect(await notice.locator('.konflikt-liste').textContent()).toContain('Titel: „Berufsorientierung ab Klasse 8 verbindlich verankern“ → „Berufsorientierung ab Klasse 7 verbindlich verankern“');
    expect(await field(b, 'Wortlaut').inputValue()).toBe('Mein ausführlich getippter neuer Wortlaut.');
    expect(await field(b, 'Begründung').inputValue()).toBe('Meine Begründung');
    expect((await events(ids.rec1)).filter((e) => e === 'RecommendationAmended')).toHaveLength(1);
    await shot(second, '11-konflikt');
  }, STEP);

  it('the office brings an existing list in (Liste importieren): dry run, then import', async () => {
    const list = csvOf(
      [LIST_HEADER, ['1. Bildungskonferenz', day(-500).de, '4', 'Lesepaten an allen Grundschulen', 'Die Bildungskonferenz empfiehlt Lesepatenschaften.', 'Bildungsförderung 0–10', 'Rat der Stadt', '', '', '', '', '']],
      { separator: ';', encoding: 'utf8' },
    );
    await office.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Liste importieren' }).click();
    await office.setInputFiles('#import-datei', { name: 'liste.csv', mimeType: 'text/csv', buffer: list });
    await office.getByRole('button', { name: 'Probelauf' }).click();
    await office.getByRole('button', { name: /^\d+ Befehle? importieren$/ }).click();
    await office.locator('#import-ergebnis').getByText(/^Import abgeschlossen: \d+ Befehle? geschrieben\.$/).waitFor();
    const imported = await request(t.url).get(`/api/regions/${regionId}/recommendations`).set('Authorization', `Bearer ${signTestToken('auditor', { regionIds: [regionId], userId: 'pruefung.test' })}`);
    expect((imported.body as { items: { reference: string }[] }).items.map((i) => i.reference)).toContain('1. BK / 4');
  }, STEP);

  it('the interface issued every POST/PUT/DELETE operation under /api/regions/{regionId} of the OpenAPI document, each with success', () => {
    expect(operations.length).toBe(31);
    const missing = operations.map((o) => o.key).filter((key) => !(sent.get(key) ?? []).some((s) => s >= 200 && s < 300));
    expect(missing).toEqual([]);
    // Every write to an existing conference, committee or recommendation named the revision its form showed.
    // A committee's contact addresses and calendar secret are plain tables, not its stream: no revision to name.
    const onStreams = operations.map((o) => o.key).filter((key) => /\/(conferences|committees|recommendations)\/\{\w+\}\//.test(key) && !/\/(contacts|calendar-feed)$/.test(key));
    expect(onStreams).toHaveLength(19);
    const without = onStreams.filter((key) => (ifMatch.get(key) ?? []).some((tag) => !/^"\d+"$/.test(tag ?? '')));
    expect(without).toEqual([]);
  });
});
