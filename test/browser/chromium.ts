import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere if needed. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the real browser. Without it the suite fails (never skips): a web interface nobody
 * opened in a browser is not tested.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium fehlt unter ${CHROMIUM_PATH}: die Browser-Tests brauchen ihn. ` +
        'Installieren mit: apt-get update && apt-get install -y --no-install-recommends chromium ' +
        '(oder CHROMIUM_PATH auf ein anderes Chromium setzen).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}
