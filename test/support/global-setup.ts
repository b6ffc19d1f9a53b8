import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/postgres/src/embedded';
import { builtApplication, ROOT } from './build';

/** Suites that run the compiled application as real processes: they ask for builtApplication(). */
function processSuites(dir = join(ROOT, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return processSuites(path);
    return entry.name.endsWith('.spec.ts') && readFileSync(path, 'utf8').includes('builtApplication(') ? [path] : [];
  });
}

/**
 * Every suite gets its own database on one server: TEST_DATABASE_URL if given (for example the
 * local server), otherwise an embedded PostgreSQL started here and thrown away afterwards.
 * If the run includes suites that start the application as processes, it is built here, once and
 * only if the sources changed since the last build (test/support/build.ts), before any suite runs
 * and competes with the compiler for the CPU.
 */
export default async function globalSetup(globalConfig: { testPathPatterns?: { patterns?: string[] } }, projectConfig: { testPathIgnorePatterns?: string[] }): Promise<void> {
  if (runsProcessSuites(globalConfig.testPathPatterns?.patterns ?? [], projectConfig.testPathIgnorePatterns ?? [])) await builtApplication();
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'empf-test-'));
  const port = 55000 + (process.pid % 5000);
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { __EMBEDDED_PG__?: typeof server }).__EMBEDDED_PG__ = server;
}

function runsProcessSuites(patterns: string[], ignored: string[]): boolean {
  const suites = processSuites();
  const selected = (path: string) => (patterns.length === 0 || patterns.some((p) => new RegExp(p, 'i').test(path))) && !ignored.some((p) => new RegExp(p).test(path));
  return suites.some(selected);
}
