import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { TableLoader } from './table-loader';

/** bulk.t's columns in its order; the values of `doc` are JSON documents. */
const COLUMNS = ['id', 'n', 'x', 'on_day', 'at', 'flag', 'doc', 'note'].map((name) => ({ name, json: name === 'doc' }));

describe('TableLoader (COPY into a real table)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('table_loader');
    pool = new Pool({ connectionString: db.url, max: 2 });
    await pool.query(`CREATE SCHEMA bulk`);
    await pool.query(`CREATE TABLE bulk.t (
      id text PRIMARY KEY, n integer, x double precision, on_day date, at timestamptz, flag boolean, doc jsonb, note text)`);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  beforeEach(() => pool.query('TRUNCATE bulk.t'));

  const count = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM bulk.t')).rows[0].n);

  /** Readers wait while a load holds the table; this one gives up at once instead. */
  const countNow = async () => {
    const client = await pool.connect();
    try {
      await client.query(`SET lock_timeout = '200ms'`);
      return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM bulk.t')).rows[0].n);
    } finally {
      await client.query('RESET lock_timeout');
      client.release();
    }
  };

  it('stores every value as an INSERT would, across many writes, visible only after end()', async () => {
    const tricky = 'Tab\there, newline\nthere, CR\r, backslash \\ and \\N, „Anführung“ ß';
    const loader = await TableLoader.open(pool.options, 'bulk', 't', COLUMNS);
    await loader.write([
      { id: 'a', n: 7, x: 0.1 + 0.2, on_day: '2026-02-28', at: new Date('2026-03-01T08:15:30.123Z'), flag: true, doc: { text: tricky, list: [1, null] }, note: tricky },
      { id: 'b', n: null, x: -1e-7, on_day: null, at: null, flag: false, doc: 'nur Text', note: null },
    ]);
    for (let i = 0; i < 20; i++) await loader.write(Array.from({ length: 500 }, (_, j) => ({ id: `r${i}-${j}`, n: j, doc: [] })));
    await expect(countNow()).rejects.toThrow(/lock timeout/);
    expect(await loader.end()).toBe(2 + 20 * 500);

    expect(await countNow()).toBe(2 + 20 * 500);
    const { rows } = await pool.query(`SELECT id, n, x, on_day::text, at, flag, doc, note FROM bulk.t WHERE id IN ('a', 'b') ORDER BY id`);
    expect(rows).toEqual([
      { id: 'a', n: 7, x: 0.30000000000000004, on_day: '2026-02-28', at: new Date('2026-03-01T08:15:30.123Z'), flag: true, doc: { text: tricky, list: [1, null] }, note: tricky },
      { id: 'b', n: null, x: -1e-7, on_day: null, at: null, flag: false, doc: 'nur Text', note: null },
    ]);
  });

  it('waits while the server is behind and loses nothing (writes far beyond the buffer)', async () => {
    const loader = await TableLoader.open(pool.options, 'bulk', 't', COLUMNS);
    const note = 'ä'.repeat(600); // 1,200 bytes a row: each write of 10,000 rows is 12 MB, beyond the 8 MB buffer
    for (let w = 0; w < 3; w++) await loader.write(Array.from({ length: 10_000 }, (_, i) => ({ id: `w${w}-${i}`, n: i, note })));
    expect(await loader.end()).toBe(30_000);
    const { rows } = await pool.query<{ n: string; bytes: string }>(`SELECT count(*) AS n, sum(octet_length(note)) AS bytes FROM bulk.t`);
    expect(rows[0]).toEqual({ n: '30000', bytes: String(30_000 * 1_200) });
  });

  it('fails on a row the server refuses, and keeps none of the rows', async () => {
    const loader = await TableLoader.open(pool.options, 'bulk', 't', COLUMNS);
    await loader.write([{ id: 'ok', n: 1 }]);
    await loader.write([{ id: 'bad', n: 'keine Zahl' }]);
    await expect(loader.end()).rejects.toThrow(/integer/);
    expect(await count()).toBe(0);
  });

  it('keeps nothing when abandoned', async () => {
    const loader = await TableLoader.open(pool.options, 'bulk', 't', COLUMNS);
    await loader.write([{ id: 'x', n: 1 }]);
    await loader.abort();
    expect(await count()).toBe(0);
  });

  it('replaces what the table held, and writes the rows frozen: nothing left for vacuum', async () => {
    await pool.query(`INSERT INTO bulk.t (id) VALUES ('old')`);
    const loader = await TableLoader.open(pool.options, 'bulk', 't', COLUMNS);
    await loader.write(Array.from({ length: 1000 }, (_, i) => ({ id: `f${i}`, n: i })));
    await loader.end();
    expect((await pool.query(`SELECT id FROM bulk.t WHERE id = 'old'`)).rowCount).toBe(0);
    // COPY FREEZE marks the pages all-visible as it fills them (a plain COPY leaves that to vacuum);
    // ANALYZE reads the count off the visibility map without changing it.
    await pool.query('ANALYZE bulk.t');
    const { rows } = await pool.query<{ pages: number; visible: number }>(
      `SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = 'bulk.t'::regclass`,
    );
    expect(rows[0].pages).toBeGreaterThan(1);
    expect(rows[0].visible).toBe(rows[0].pages);
  });

  it('names a missing table when opened', async () => {
    await expect(TableLoader.open(pool.options, 'bulk', 'missing', COLUMNS)).rejects.toThrow(/"bulk\.missing" does not exist/);
  });
});
