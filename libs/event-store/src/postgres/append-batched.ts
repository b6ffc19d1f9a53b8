import { Pool } from 'pg';
import type { EventToAppend, ExpectedRevision } from '../event-store';
import { appendWithin } from './append';

/** One append of a loaded history. */
export interface BulkAppend {
  streamId: string;
  events: EventToAppend[];
  expectedRevision: ExpectedRevision;
}

/**
 * Loads a history (e.g. a simulated one) into the PostgreSQL event store fast, for tests and benchmarks: the
 * store's own `appendWithin` (same checks, hash chain and global order as `append`), but many
 * appends per transaction, with commits that do not wait for the disk. Streams are split between
 * the writers by hash, so no two transactions ever lock the same stream (no deadlocks) and each
 * stream's appends keep their order.
 */
export async function appendBatched(
  url: string,
  appends: Iterable<BulkAppend>,
  options: { writers?: number; perTransaction?: number; chunk?: number; onAppended?: (events: number) => void } = {},
): Promise<number> {
  const writers = options.writers ?? 4;
  const perTransaction = options.perTransaction ?? 200;
  const chunk = options.chunk ?? 20_000;
  const pool = new Pool({ connectionString: url, max: writers, options: '-c synchronous_commit=off' });
  let events = 0;
  const writerOf = (streamId: string) => {
    let h = 0;
    for (let i = 0; i < streamId.length; i++) h = (h * 31 + streamId.charCodeAt(i)) | 0;
    return Math.abs(h) % writers;
  };
  const write = async (queue: BulkAppend[]) => {
    const client = await pool.connect();
    try {
      for (let start = 0; start < queue.length; start += perTransaction) {
        await client.query('BEGIN');
        try {
          for (const a of queue.slice(start, start + perTransaction)) await appendWithin(client, a.streamId, a.events, a.expectedRevision);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      client.release();
    }
  };
  try {
    let queues: BulkAppend[][] = Array.from({ length: writers }, () => []);
    let queued = 0;
    const drain = async () => {
      await Promise.all(queues.map(write));
      events += queues.reduce((n, q) => n + q.reduce((m, a) => m + a.events.length, 0), 0);
      options.onAppended?.(events);
      queues = Array.from({ length: writers }, () => []);
      queued = 0;
    };
    for (const append of appends) {
      queues[writerOf(append.streamId)].push(append);
      if (++queued >= chunk) await drain();
    }
    await drain();
  } finally {
    await pool.end();
  }
  return events;
}
