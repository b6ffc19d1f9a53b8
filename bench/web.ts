/**
 * `npm run bench:web`: a real Chromium loads the login page and the Übersicht (with its data: the
 * demo network) from a fresh browser cache, and the bytes that crossed the wire are counted through
 * the DevTools protocol (Network.loadingFinished → encodedDataLength: headers plus body as sent).
 * Reference run in the same process: the same loads with `Accept-Encoding: identity` (what an
 * uncompressed server would send). A third run loads the Übersicht again in the same tab: the
 * hashed files come from the cache, only the page and the data travel. BENCH_ROUNDS (default 3).
 * Goals (issue 13): under 60 KB for the login page, under 150 KB for the Übersicht with its data.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { loadConfig } from '@app/config';
import { createApp } from '../apps/api/src/app.factory';
import { seedDemo } from '../apps/api/src/demo';
import { findChromium, launchChromium } from '../test/browser/chromium';
import { freshDatabase } from './support/server';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOGIN = { email: 'lenkungskreis@empfehlungsradar.example', password: 'Demo-Lenkung-2026' };

interface Load {
  bytes: number;
  requests: number;
  ms: number;
  byKind: Record<string, number>;
}

/** Counts every response's wire bytes in one tab from now until `stop()`. */
async function meter(page: Page): Promise<{ cdp: CDPSession; stop: () => Load }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const loads: { url: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string } }) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) =>
    loads.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }),
  );
  const started = performance.now();
  return {
    cdp,
    stop: () => {
      const byKind: Record<string, number> = {};
      for (const l of loads) {
        const path = new URL(l.url).pathname;
        const kind = path.startsWith('/api/') ? 'API' : path.endsWith('.js') ? 'JS' : path.endsWith('.css') ? 'CSS' : 'HTML';
        byKind[kind] = (byKind[kind] ?? 0) + l.bytes;
      }
      return { bytes: loads.reduce((s, l) => s + l.bytes, 0), requests: loads.length, ms: performance.now() - started, byKind };
    },
  };
}

async function loginPage(browser: Browser, base: string, identity: boolean): Promise<Load> {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    const m = await meter(page);
    if (identity) await m.cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    await page.waitForLoadState('networkidle');
    return m.stop();
  } finally {
    await context.close();
  }
}

async function signedInContext(browser: Browser, base: string): Promise<BrowserContext> {
  const answer = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(LOGIN) });
  if (!answer.ok) throw new Error(`Anmeldung für die Messung fehlgeschlagen: ${answer.status}`);
  const { accessToken, account } = (await answer.json()) as { accessToken: string; account: unknown };
  const context = await browser.newContext({ locale: 'de-DE' });
  // The session the login page would have left in the tab, there before the first script runs.
  await context.addInitScript(
    `sessionStorage.setItem('empfehlungsradar.token', ${JSON.stringify(accessToken)});` +
      `sessionStorage.setItem('empfehlungsradar.account', ${JSON.stringify(JSON.stringify(account))});`,
  );
  return context;
}

async function overviewShown(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  await page.locator('.kennzahl').nth(14).waitFor();
  await page.waitForLoadState('networkidle');
}

async function overview(browser: Browser, base: string, identity: boolean): Promise<{ cold: Load; warm: Load }> {
  const context = await signedInContext(browser, base);
  try {
    const page = await context.newPage();
    let m = await meter(page);
    if (identity) await m.cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    await page.goto(`${base}/#/uebersicht`);
    await overviewShown(page);
    const cold = m.stop();
    await m.cdp.detach();
    // The next visit in the same browser: a new tab, same cache.
    const again = await context.newPage();
    m = await meter(again);
    if (identity) await m.cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    await again.goto(`${base}/#/uebersicht`);
    await overviewShown(again);
    return { cold, warm: m.stop() };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const parts = (l: Load) => Object.entries(l.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ');

async function main(): Promise<void> {
  const db = await freshDatabase();
  let app: INestApplication | undefined;
  let browser: Browser | undefined;
  try {
    const config = loadConfig({
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
      PROJECTOR: 'inline',
      JWT_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    });
    app = await createApp({ config, databaseUrl: db.url });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    console.log(`Demodaten werden angelegt (${db.server}) …`);
    await seedDemo(app);
    const source = await findChromium();
    browser = await launchChromium();
    console.log(`Chromium ${browser.version()} (${source.kind === 'system' ? source.executablePath : '@sparticuz/chromium'}), ${cpus().length} Kerne, ${new Date().toISOString()}`);

    const rows: { name: string; runs: Load[] }[] = [
      { name: 'Anmeldung, unkomprimiert (Referenz)', runs: [] },
      { name: 'Anmeldung', runs: [] },
      { name: 'Übersicht mit Daten, unkomprimiert (Referenz)', runs: [] },
      { name: 'Übersicht mit Daten', runs: [] },
      { name: 'Übersicht, zweiter Besuch (Cache)', runs: [] },
    ];
    for (let round = 0; round < ROUNDS; round++) {
      rows[0].runs.push(await loginPage(browser, base, true));
      rows[1].runs.push(await loginPage(browser, base, false));
      rows[2].runs.push((await overview(browser, base, true)).cold);
      const { cold, warm } = await overview(browser, base, false);
      rows[3].runs.push(cold);
      rows[4].runs.push(warm);
    }
    console.log(`\n${ROUNDS} Durchgänge, je frischer Browser-Cache (Median; übertragene Bytes inkl. Kopfzeilen)\n`);
    console.log('| Ladevorgang | übertragen | Anfragen | Zeit bis fertig | davon |');
    console.log('|---|---:|---:|---:|---|');
    for (const row of rows) {
      const bytes = median(row.runs.map((r) => r.bytes));
      const typical = row.runs.find((r) => r.bytes === bytes)!;
      console.log(`| ${row.name} | ${kb(bytes)} | ${typical.requests} | ${Math.round(median(row.runs.map((r) => r.ms)))} ms | ${parts(typical)} |`);
    }
    const login = median(rows[1].runs.map((r) => r.bytes));
    const over = median(rows[3].runs.map((r) => r.bytes));
    console.log(`\nZiel Anmeldung < 60 KB: ${login < 60 * 1024 ? 'erreicht' : 'VERFEHLT'} (${kb(login)}); Ziel Übersicht < 150 KB: ${over < 150 * 1024 ? 'erreicht' : 'VERFEHLT'} (${kb(over)})`);
  } finally {
    await browser?.close();
    await app?.close();
    await db.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
