import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded';

describe('embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'empf-embedded-'));
  let server: RunningPostgres;
  let client: Client;

  beforeAll(async () => {
    // Whatever the machine's locale, the cluster must come out the same.
    const lang = process.env.LANG;
    process.env.LANG = 'de_DE.UTF-8';
    try {
      server = await startEmbeddedPostgres({ dataDir, port: 50000 + (process.pid % 5000), persistent: false });
    } finally {
      process.env.LANG = lang;
    }
    client = new Client({ connectionString: server.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is created with the builtin C.UTF-8 locale, not the environment one', async () => {
    const { rows } = await client.query(`SELECT datlocprovider, datlocale, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()`);
    expect(rows).toEqual([{ datlocprovider: 'b', datlocale: 'C.UTF-8', encoding: 'UTF8' }]);
  });

  it('orders text by code point and maps case by Unicode', async () => {
    const { rows } = await client.query(
      `SELECT string_agg(w, ' ' ORDER BY w) AS sorted, lower('ÄÖÜ') AS lower, upper('straße') AS upper, 'ä' ~* 'Ä' AS matches
         FROM unnest(ARRAY['Zebra', 'Äpfel', 'apfel', 'Apfel', 'äpfel']) AS w`,
    );
    expect(rows[0]).toEqual({ sorted: 'Apfel Zebra apfel Äpfel äpfel', lower: 'äöü', upper: 'STRAßE', matches: true });
  });
});
