import { Client } from 'pg';
import { createTestDatabase } from './test-database';

describe('createTestDatabase', () => {
  it('gives each suite its own empty database on a real server', async () => {
    const db = await createTestDatabase('harness');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('SELECT current_database() AS name');
    await c.end();
    expect(rows[0].name).toMatch(/^harness_/);
    await db.drop();
  });
});
