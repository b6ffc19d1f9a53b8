import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { PlannedEvent } from './workload';

/**
 * The raw-SQL limit: the same rows, multi-row INSERTs of `batch` rows into a copy of the events table
 * (same columns, defaults, constraints and indexes), no locking, no hashing, no per-event transaction.
 */
export async function rawInsert(url: string, planned: PlannedEvent[], writers: number, table: string, batch = 1000): Promise<number> {
  const pool = new Pool({ connectionString: url, max: writers });
  try {
    await pool.query(`CREATE TABLE ${table} (LIKE event_store.events INCLUDING ALL)`);
    const revisions = new Map<string, number>();
    const rows = planned.map((p) => {
      const revision = (revisions.get(p.streamId) ?? -1) + 1;
      revisions.set(p.streamId, revision);
      return { ...p, revision };
    });
    const batches: (typeof rows)[] = [];
    for (let i = 0; i < rows.length; i += batch) batches.push(rows.slice(i, i + batch));
    const hash = randomBytes(32);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (next < batches.length) {
          const b = batches[next++];
          await pool.query(
            `INSERT INTO ${table} (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
             SELECT id, s, r, t, d, m, now(), $7 FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[]) AS x(id, s, r, t, d, m)`,
            [b.map((r) => r.event.id), b.map((r) => r.streamId), b.map((r) => r.revision), b.map((r) => r.event.type), b.map((r) => JSON.stringify(r.event.data)), b.map((r) => JSON.stringify(r.event.metadata)), hash],
          );
        }
      }),
    );
    return performance.now() - started;
  } finally {
    await pool.end();
  }
}
