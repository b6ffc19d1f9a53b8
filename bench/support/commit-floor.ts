import { Pool } from 'pg';
import { shares, type PlannedEvent } from './workload';

/**
 * The commit-latency floor: each row in its own autocommit INSERT, nothing else. One event per
 * append cannot beat this however lean the append is, since every append must reach the disk.
 */
export async function commitFloor(url: string, planned: PlannedEvent[], writers: number, table: string): Promise<number> {
  const pool = new Pool({ connectionString: url, max: writers });
  try {
    await pool.query(`CREATE TABLE ${table} (LIKE event_store.events INCLUDING ALL)`);
    const started = performance.now();
    await Promise.all(
      shares(planned, writers).map(async (share, w) => {
        let revision = 0;
        for (const p of share) {
          await pool.query(
            `INSERT INTO ${table} (event_id, stream_id, revision, type, data, metadata, recorded_at, hash) VALUES ($1, $2, $3, $4, $5, $6, now(), '\\x00')`,
            [p.event.id, `${p.streamId}-${w}`, revision++, p.event.type, JSON.stringify(p.event.data), JSON.stringify(p.event.metadata)],
          );
        }
      }),
    );
    return performance.now() - started;
  } finally {
    await pool.end();
  }
}
