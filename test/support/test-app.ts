import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { createApp } from '../../apps/api/src/app.factory';
import type { AppOptions } from '../../apps/api/src/app.module';
import { TEST_JWT_SECRET } from './auth';

export interface TestApp {
  app: INestApplication;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * The suites write business dates up to this day, and the server refuses business dates in its
 * future: a machine whose clock runs earlier must not turn them into refusals. Later clocks run as they are.
 */
export const LATEST_TEST_BUSINESS_DATE = new Date('2026-12-07T23:00:00Z');
const testClock = () => new Date(Math.max(Date.now(), LATEST_TEST_BUSINESS_DATE.getTime()));

/**
 * The real application on a fresh database, listening on a real socket. With `database` it is a
 * second process's view of another app's database (a cold start): closing it leaves the database.
 */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  { database, ...options }: Pick<AppOptions, 'logDestination' | 'clock'> & { database?: TestDatabase } = {},
): Promise<TestApp> {
  const db = database ?? (await createTestDatabase('e2e'));
  const config = loadConfig({
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    // Suites write fast from one address; the limits have their own tests.
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    // Suites that check the read side start the projector themselves (or ask for PROJECTOR=inline),
    // so a background projector never races their assertions.
    PROJECTOR: 'off',
    ...env,
  });
  const app = await createApp({ config, databaseUrl: db.url, clock: testClock, ...options });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    db,
    async close() {
      await app.close();
      if (!database) await db.drop();
    },
  };
}
