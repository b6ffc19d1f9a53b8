import { createTestDatabase, type TestDatabase } from '@app/testing';
import { survivingPool } from './pool';

describe('survivingPool', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('surviving_pool');
  });
  afterAll(() => db?.drop());

  it('lets queries wait for a busy pool longer than the connect timeout', async () => {
    const pool = survivingPool({ connectionString: db.url, max: 1, connectionTimeoutMillis: 1000 });
    try {
      // The pool's one connection is opened first (on a loaded machine an opening may itself take a
      // second: that is the timeout's job, not this case's), then kept busy for 2.5 s while a second
      // query queues behind it, longer than the timeout.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await pool.query('SELECT 1');
          break;
        } catch (error) {
          if (attempt === 5) throw error;
        }
      }
      const answers = await Promise.all([pool.query('SELECT pg_sleep(2.5) AS slept'), pool.query('SELECT 2 AS two')]);
      expect(answers[1].rows).toEqual([{ two: 2 }]);
    } finally {
      await pool.end();
    }
  });

  it('still gives up opening a connection to a server that never answers', async () => {
    const net = await import('node:net');
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const pool = survivingPool({ connectionString: `postgres://x@127.0.0.1:${port}/x`, connectionTimeoutMillis: 300 });
    try {
      await expect(pool.query('SELECT 1')).rejects.toThrow(/timeout/i);
    } finally {
      await pool.end();
      silent.close();
    }
  });
});
