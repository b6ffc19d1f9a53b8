import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or wherever CHROMIUM_PATH points: the first choice where it exists. */
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

/** Where the npm package's browser came from, for the suite's log line. */
export type ChromiumSource = { kind: 'system' | 'npm'; executablePath: string };

/** One unpacker at a time: two suites unpacking into the same /tmp/chromium would start a half-written file. */
const LOCK = join(tmpdir(), 'empfehlungsradar-chromium.lock');
const STALE_LOCK_MS = 5 * 60_000;

async function withUnpackLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A crashed holder leaves its lock behind; after five minutes it is taken over.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone meanwhile: try again */
      }
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * The Chromium that arrives with the dev dependencies (@sparticuz/chromium carries a brotli-packed
 * headless build and a font); unpacked once into the temp directory. Without a system fontconfig
 * it uses the package's own font configuration, so German text still renders.
 */
async function npmChromium(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await withUnpackLock(() => packaged.executablePath());
  if (!existsSync('/etc/fonts/fonts.conf')) process.env.FONTCONFIG_PATH ??= join(tmpdir(), 'fonts');
  return executablePath;
}

/** The browser to start: CHROMIUM_PATH / Debian's if present, else the npm package's. */
export async function findChromium(preferred: string = CHROMIUM_PATH): Promise<ChromiumSource> {
  if (existsSync(preferred)) return { kind: 'system', executablePath: preferred };
  try {
    return { kind: 'npm', executablePath: await npmChromium() };
  } catch (e) {
    throw new Error(
      `Kein Chromium unter ${preferred}, und das Chromium aus @sparticuz/chromium ließ sich nicht auspacken ` +
        `(${e instanceof Error ? e.message : String(e)}). npm ci installiert es mit den Entwicklungsabhängigkeiten; ` +
        'sonst CHROMIUM_PATH auf ein Chromium setzen.',
    );
  }
}

/**
 * Starts the real browser. If neither is there the suite fails (never skips): a web interface
 * nobody opened in a browser is not tested.
 */
export async function launchChromium(preferred?: string): Promise<Browser> {
  const { executablePath } = await findChromium(preferred);
  return chromium.launch({ executablePath, args: ARGS, headless: true });
}
