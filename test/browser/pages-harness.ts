import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { Role } from '@app/domain';
import { DEMO_REGION_ID } from '../../apps/api/src/demo';
import { signTestToken } from '../support/auth';
import { seedDemo } from '../../apps/api/src/demo/demo-seeder';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium } from './chromium';

/** Where screenshots go for a person to look at (gitignored). */
export const ARTIFACTS = process.env.SCREENSHOT_DIR ?? join(process.cwd(), 'test', 'artifacts');

export const DEMO_LOGIN = {
  office: { email: 'buero@empfehlungsradar.example', password: 'Demo-Buero-2026' },
  steering: { email: 'lenkungskreis@empfehlungsradar.example', password: 'Demo-Lenkung-2026' },
  committee: { email: 'gremium@empfehlungsradar.example', password: 'Demo-Gremium-2026' },
  auditor: { email: 'pruefung@empfehlungsradar.example', password: 'Demo-Pruefung-2026' },
} as const;

/**
 * The real app with the demo network seeded through the command path, and a real Chromium whose
 * pages report script errors, CSP violations and failed requests into `problems` (a test provoking
 * a status on purpose lists it in `provoked`).
 */
export class PagesHarness {
  t!: TestApp;
  browser!: Browser;
  readonly problems: string[] = [];
  provoked = new Set<number>();
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly folder: string) {}

  async start(): Promise<void> {
    this.browser = await launchChromium();
    this.t = await startTestApp();
    await seedDemo(this.t.app);
    mkdirSync(join(ARTIFACTS, this.folder), { recursive: true });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.t?.close();
  }

  /** A fresh browser (own cache and storage), German, Berlin time. */
  async page(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    this.contexts.push(context);
    const p = await context.newPage();
    p.on('pageerror', (e) => this.problems.push(`Skriptfehler: ${e.message}`));
    p.on('console', (m) => {
      const status = /status of (\d{3})/.exec(m.text());
      if (m.type() === 'error' && !(status && this.provoked.has(Number(status[1])))) this.problems.push(`Konsole: ${m.text()}`);
    });
    return p;
  }

  async login(p: Page, who: keyof typeof DEMO_LOGIN): Promise<void> {
    await p.goto(`${this.t.url}/`);
    await p.getByLabel('E-Mail-Adresse').fill(DEMO_LOGIN[who].email);
    await p.getByLabel('Passwort').fill(DEMO_LOGIN[who].password);
    await p.getByRole('button', { name: 'Anmelden' }).click();
    await p.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  }

  async shot(p: Page, name: string): Promise<void> {
    await p.screenshot({ path: join(ARTIFACTS, this.folder, `${name}.png`), fullPage: true });
  }

  /** A GET of the demo region's API as `role` (the numbers a page must show). */
  api(role: Role, path: string, query: Record<string, string> = {}): Promise<any> {
    return request(this.t.url)
      .get(`/api/regions/${DEMO_REGION_ID}${path}`)
      .query(query)
      .set('Authorization', `Bearer ${signTestToken(role, { regionIds: [DEMO_REGION_ID], userId: `${role}-seitentest` })}`)
      .expect(200)
      .then((r) => r.body);
  }

  /** Problems seen since the last call (and forgets them). */
  takeProblems(): string[] {
    this.provoked = new Set();
    return this.problems.splice(0);
  }
}
