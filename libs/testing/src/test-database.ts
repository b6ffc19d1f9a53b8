import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../postgres/src/url';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one suite on the test server (see test/support/global-setup.ts). */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set: run the suites through jest (npm test)');
  const name = `${prefix.replace(/\W/g, '_').toLowerCase()}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(server, name),
    async drop() {
      const c = new Client({ connectionString: server });
      await c.connect();
      // pg's Pool.end() resolves before its connections have closed; a connection the drop
      // terminates then reports an error nobody listens to. Give them a moment to go first.
      for (let waited = 0; waited < 3000; waited += 20) {
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
