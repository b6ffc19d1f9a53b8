import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/postgres/src/embedded';

/**
 * Every suite gets its own database on one server: TEST_DATABASE_URL if given (for example the
 * local server), otherwise an embedded PostgreSQL started here and thrown away afterwards.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'empf-test-'));
  const port = 55000 + (process.pid % 5000);
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { __EMBEDDED_PG__?: typeof server }).__EMBEDDED_PG__ = server;
}
