import { launchChromium, findChromium } from './chromium';

/**
 * `npm test` needs nothing installed by hand: where no system Chromium is found, the one from the
 * dev dependency @sparticuz/chromium starts headless and renders German text.
 */
describe('Chromium for the browser tests', () => {
  const absent = '/nonexistent/chromium-fehlt';

  it('takes the npm-shipped Chromium when the preferred one is absent, and it renders German text', async () => {
    const source = await findChromium(absent);
    expect(source.kind).toBe('npm');
    const browser = await launchChromium(absent);
    try {
      const page = await browser.newPage();
      await page.setContent('<html lang="de"><body><p id="t">Übergabe an das Gremium „Integrationsrat“: Größe</p></body></html>');
      expect(await page.locator('#t').textContent()).toBe('Übergabe an das Gremium „Integrationsrat“: Größe');
      // Missing glyphs would all be the same box; a real font gives umlauts their base letter's
      // width and narrow letters less room than wide ones.
      const widths = (await page.evaluate(`(() => {
        const c = document.createElement('canvas').getContext('2d');
        c.font = '40px sans-serif';
        return Object.fromEntries(['U', 'Ü', 'a', 'ä', 'i', 'W', 'ß'].map((ch) => [ch, c.measureText(ch).width]));
      })()`)) as Record<string, number>;
      expect(widths['Ü']).toBe(widths.U);
      expect(widths['ä']).toBe(widths.a);
      expect(widths.i).toBeLessThan(widths.W);
      expect(widths['ß']).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('keeps the system Chromium first where it exists', async () => {
    const source = await findChromium(process.execPath); // any existing file stands in for it
    expect(source).toEqual({ kind: 'system', executablePath: process.execPath });
  });
});
