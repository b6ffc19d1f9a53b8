import { Client } from 'pg';

/** Server-wide counters: committed transactions of the database and WAL flushes (fsync) of the cluster. */
export interface DbActivity {
  commits: number;
  walFsyncs: number;
}

/**
 * Reads the counters (PostgreSQL 18: WAL flushes in pg_stat_io). Backends report their statistics
 * within about a second, so a difference over a run of many seconds is close, not exact.
 */
export async function dbActivity(url: string): Promise<DbActivity | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ commits: string; wal_fsyncs: string | null }>(
      `SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())::text AS commits,
              (SELECT sum(fsyncs) FROM pg_stat_io WHERE object = 'wal')::text AS wal_fsyncs`,
    );
    return { commits: Number(rows[0]!.commits), walFsyncs: Number(rows[0]!.wal_fsyncs ?? NaN) };
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}
