import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '@app/postgres';
import { startEmbeddedPostgres } from '../../libs/postgres/src/embedded';

export interface BenchDatabase {
  url: string;
  /** Where the figures came from, for the printout. */
  server: string;
  close(): Promise<void>;
}

/** A fresh database: on DATABASE_URL's server if set, else on an embedded PostgreSQL in a temp dir. */
export async function freshDatabase(): Promise<BenchDatabase> {
  const name = `bench_append_${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_URL) {
    const admin = withDatabase(process.env.DATABASE_URL, 'postgres');
    await run(admin, `CREATE DATABASE ${name}`);
    return {
      url: withDatabase(process.env.DATABASE_URL, name),
      server: `DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`,
      close: () => run(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'empf-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, port: 56000 + (process.pid % 3000), persistent: false });
  await run(server.url, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(server.url, name),
    server: `embedded PostgreSQL in ${dataDir}`,
    async close() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function run(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
