import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/postgres/src/embedded';
import { builtApplication, ROOT } from './build';

/** Suites that run the compiled application as real processes. */
const PROCESS_SUITES = join(ROOT, 'test', 'reliability');

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
  const suites = readdirSync(PROCESS_SUITES).map((f) => join(PROCESS_SUITES, f));
  const selected = (path: string) => (patterns.length === 0 || patterns.some((p) => new RegExp(p, 'i').test(path))) && !ignored.some((p) => new RegExp(p).test(path));
  return suites.some(selected);
}
