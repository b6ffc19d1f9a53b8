import type { ClientBase } from 'pg';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store';
import { matches } from '../expected-revision';
import { INSERT_PREPARED, prepareAppend, preparedValues, type StreamHead } from './prepare';
import { EVENTS, STREAMS } from './schema';

/**
 * Thrown inside the transaction when the append cannot go ahead as a plain write: the expected
 * revision does not match, or an event id already exists. The caller rolls back and lets
 * resolveConflict decide between an idempotent retry and WrongExpectedRevisionError.
 */
export class AppendConflict extends Error {
  constructor(readonly actual: bigint | 'no_stream') {
    super('append conflict');
  }
}

/**
 * The append inside a transaction the caller has begun and will commit (the store's `append`, or a
 * test holding a transaction open). Concurrent writers serialise on the stream's row lock, so
 * revisions never repeat or gap. Throws AppendConflict; the caller must then roll back.
 */
export async function appendWithin(
  client: ClientBase,
  streamId: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  return (await appendLocked(client, streamId, events, expected, () => new Date())).result;
}

/** appendWithin, also returning the new head for the store's cache. */
export async function appendLocked(
  client: ClientBase,
  streamId: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
  now: () => Date,
): Promise<{ result: AppendResult; head: StreamHead }> {
  if (events.length === 0) throw new Error('appendWithin needs at least one event');
  const head = await lockStream(client, streamId);
  const actual = head ? head.revision : 'no_stream';
  if (!matches(expected, actual)) throw new AppendConflict(actual);

  const p = prepareAppend(streamId, events, head, now());
  const { rows } = await client.query<{ inserted: number; position: string | null }>(
    `WITH ins AS (
       INSERT INTO ${EVENTS} ${INSERT_PREPARED}
       ON CONFLICT (event_id) DO NOTHING
       RETURNING position
     ), head AS (
       UPDATE ${STREAMS} SET revision = $9, head_hash = $10, last_recorded_at = $7 WHERE stream_id = $1
     )
     SELECT count(*)::int AS inserted, max(position)::text AS position FROM ins`,
    [...preparedValues(streamId, p), p.next.revision.toString(), p.next.hash],
  );
  if (rows[0].inserted !== events.length) throw new AppendConflict(actual);
  return { result: { nextExpectedRevision: p.next.revision, position: BigInt(rows[0].position!) }, head: p.next };
}

/** Locks the stream's row, creating it first if needed (a racing creator makes us wait for its commit). */
async function lockStream(client: ClientBase, streamId: string): Promise<StreamHead | undefined> {
  const select = `SELECT revision::text AS revision, head_hash, last_recorded_at FROM ${STREAMS} WHERE stream_id = $1 FOR UPDATE`;
  let { rows } = await client.query(select, [streamId]);
  if (rows.length === 0) {
    await client.query(
      `INSERT INTO ${STREAMS} (stream_id, revision, head_hash, last_recorded_at) VALUES ($1, -1, '', '-infinity') ON CONFLICT (stream_id) DO NOTHING`,
      [streamId],
    );
    ({ rows } = await client.query(select, [streamId]));
  }
  const row = rows[0] as { revision: string; head_hash: Buffer; last_recorded_at: Date };
  // -1 is the placeholder of a row created in this very transaction: the stream does not exist yet.
  if (row.revision === '-1') return undefined;
  return { revision: BigInt(row.revision), hash: row.head_hash, lastRecordedAt: row.last_recorded_at };
}
