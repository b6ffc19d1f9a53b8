import type { Page } from 'playwright-core';
import { PagesHarness } from './pages-harness';

const SEEDING = 240_000;

/** What the tests read of an element inside the page (the test's TypeScript has no DOM types). */
type El = { textContent: string | null; style: { backgroundColor: string }; dataset: Record<string, string>; getBoundingClientRect(): { width: number } };
const STEP = 90_000;

interface Share {
  value: number | null;
}
interface ScorecardRow {
  name: string;
  handOffs: number;
  responseRate: Share;
  overdueReports: unknown[];
}

/** Boards people would rather look at than read: colours, sorting, bars, and each one's table. */
describe('charts in Chromium', () => {
  const h = new PagesHarness('diagramme');
  let page: Page;
  const api = (path: string, query: Record<string, string> = {}) => h.api('steering', path, query);

  beforeAll(async () => {
    await h.start();
    page = await h.page();
    await h.login(page, 'steering');
  }, SEEDING);
  afterAll(() => h.stop());
  afterEach(() => expect(h.takeProblems()).toEqual([]));

  it('Übersicht: the eight funnel stages in eight distinct colours, the table folded below', async () => {
    await page.locator('.trichter-gruppe').first().waitFor();
    const colours = await page.evaluate(`[0,1,2,3,4,5,6,7].map((i) => getComputedStyle(document.querySelector('.legende .stufe-' + i)).backgroundColor)`);
    expect(new Set(colours as string[]).size).toBe(8);
    expect((colours as string[])[0]).toBe('rgb(51, 34, 136)');
    const table = page.locator('details.als-tabelle', { hasText: 'Trichter als Tabelle' });
    expect(await table.locator('tbody tr').count()).toBe(10);
    await h.shot(page, '01-trichter');
  }, STEP);

  it('Gremien-Scorecard: shares coloured on the scale, every column sorts, empty values last', async () => {
    const scorecard = (await api('/views/committee-scorecard')).committees as ScorecardRow[];
    const shown = scorecard.filter((c) => c.handOffs > 0 || c.overdueReports.length > 0);
    await page.getByRole('link', { name: 'Gremien-Scorecard' }).click();
    const table = page.locator('table.scorecard');
    await table.waitFor();
    expect(await page.locator('.farbskala').textContent()).toContain('orange: niedrig, blau: hoch');
    const names = () => table.locator('tbody th').allTextContents();
    const collator = new Intl.Collator('de');
    // First by name, A to Z (German order).
    expect(await names()).toEqual(shown.map((c) => c.name).sort(collator.compare));
    expect(await table.locator('th[aria-sort="ascending"]').textContent()).toContain('Gremium');

    // Antwortquote: highest first, ties by name, committees without a base last.
    await page.getByRole('button', { name: 'Antwortquote' }).click();
    expect(await table.locator('th[aria-sort="descending"]').textContent()).toContain('Antwortquote');
    const byRate = [...shown].sort((a, b) => {
      const [x, y] = [a.responseRate.value, b.responseRate.value];
      if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
      return y - x || collator.compare(a.name, b.name);
    });
    expect(await names()).toEqual(byRate.map((c) => c.name));
    await h.shot(page, '02-scorecard-antwortquote');

    // The colour follows the value: 100 % blue, 0 % orange, no base uncoloured.
    const column = 3; // Gremium, Übergaben, Antwortquote
    const cells = await table.locator(`tbody tr`).evaluateAll(
      (rows, col) => rows.map((r) => ({ text: r.children[col - 1].textContent, colour: (r.children[col - 1] as unknown as El).style.backgroundColor })),
      column,
    );
    for (const cell of cells) {
      if (cell.text === '100 %') expect(cell.colour).toBe('rgb(103, 169, 207)');
      if (cell.text === '0 %') expect(cell.colour).toBe('rgb(239, 138, 98)');
      if (cell.text === '–') expect(cell.colour).toBe('');
    }
    expect(cells.some((c) => c.text === '100 %')).toBe(true);

    // Again: lowest first; no base still last.
    await page.getByRole('button', { name: 'Antwortquote' }).click();
    expect(await table.locator('th[aria-sort="ascending"]').textContent()).toContain('Antwortquote');
    const rated = byRate.filter((c) => c.responseRate.value !== null);
    const unrated = byRate.filter((c) => c.responseRate.value === null);
    const ascending = [...rated].sort((a, b) => a.responseRate.value! - b.responseRate.value! || collator.compare(a.name, b.name));
    expect(await names()).toEqual([...ascending, ...unrated].map((c) => c.name));

    // By overdue reports, with the keyboard.
    await page.getByRole('button', { name: 'Überfällige Berichte' }).focus();
    await page.keyboard.press('Enter');
    const most = Math.max(...shown.map((c) => c.overdueReports.length));
    expect(most).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').first().locator('td').last().textContent()).toBe(String(most));
  }, STEP);

  it('Nachhaltigkeit: one stacked bar per conference by review outcome, the same numbers in the table', async () => {
    const board = await api('/views/sustainability-board');
    const funnel = await api('/views/funnel');
    const expected = new Map<string, Record<string, number>>();
    for (const c of funnel.conferences as { conferenceId: string; label: string }[]) expected.set(c.label, {});
    const labelOf = new Map((funnel.conferences as { conferenceId: string; label: string }[]).map((c) => [c.conferenceId, c.label]));
    for (const i of board.items as { conferenceId: string; standing: string }[]) {
      const counts = expected.get(labelOf.get(i.conferenceId)!)!;
      counts[i.standing] = (counts[i.standing] ?? 0) + 1;
    }
    for (const i of board.notYetDue as { conferenceId: string }[]) {
      const counts = expected.get(labelOf.get(i.conferenceId)!)!;
      counts.notYetDue = (counts.notYetDue ?? 0) + 1;
    }
    await page.getByRole('link', { name: 'Nachhaltigkeit', exact: true }).click();
    const rows = page.locator('.gestapelt-zeile');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    for (const [label, counts] of expected) {
      const row = page.locator(`.gestapelt-zeile[data-gruppe="${label}"]`);
      const segments = await row.locator('.gestapelt-teil').evaluateAll((parts) =>
        Object.fromEntries(parts.map((p) => [(p as unknown as El).dataset.serie, Number(p.textContent)])),
      );
      expect(segments).toEqual(counts);
      const sum = Object.values(counts).reduce((s, n) => s + n, 0);
      expect(await row.locator('.gestapelt-summe').textContent()).toBe(String(sum));
    }
    // Something of every kind the demo has: sustained, lapsed and unreviewed ones.
    const all = [...expected.values()];
    for (const kind of ['sustained', 'lapsed', 'unreviewed']) expect(all.some((c) => (c[kind] ?? 0) > 0)).toBe(true);
    // Longer bar, more recommendations: lengths compare across conferences.
    const widths = await rows.locator('.gestapelt-balken').evaluateAll((bars) => bars.map((b) => (b as unknown as El).getBoundingClientRect().width));
    const sums = [...expected.values()].map((c) => Object.values(c).reduce((s, n) => s + n, 0)).filter((s) => s > 0);
    const widest = widths.indexOf(Math.max(...widths));
    expect(sums[widest] ?? Math.max(...sums)).toBe(Math.max(...sums));
    await h.shot(page, '03-nachhaltigkeit-je-konferenz');

    await page.getByText('Als Tabelle').click();
    const table = page.locator('details.als-tabelle table', { hasText: 'je Konferenz' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(10);
    const first = [...expected.entries()].find(([, c]) => (c.sustained ?? 0) > 0)!;
    const row = table.locator('tbody tr', { has: page.locator('th', { hasText: first[0] }) });
    expect(await row.locator('td').first().textContent()).toMatch(new RegExp(`^${first[1].sustained} \\(\\d{1,3} %\\)$`));
    await h.shot(page, '04-nachhaltigkeit-tabelle');
  }, STEP);

  it('Wirkung: every indicator chart has its values as a table', async () => {
    await page.getByRole('link', { name: 'Wirkung', exact: true }).click();
    await page.locator('svg.linie').first().waitFor();
    const charts = await page.locator('svg.linie').count();
    expect(await page.locator('details.als-tabelle', { hasText: 'Werte als Tabelle' }).count()).toBe(charts);
    const first = page.locator('figure.indikator').first();
    await first.getByText('Werte als Tabelle').click();
    const rows = first.locator('tbody tr');
    expect(await rows.first().locator('th').textContent()).toBe('Ausgangswert');
    expect(await rows.last().locator('th').textContent()).toBe('Ziel (bis)');
    expect(await rows.first().locator('td').first().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await h.shot(page, '05-wirkung-tabelle');
  }, STEP);
});
