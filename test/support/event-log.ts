import type { INestApplication } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { Pool } from 'pg';
import { EVENTS } from '@app/event-store/postgres';
import { EVENT_STORE, PG_POOL } from '../../apps/api/src/infrastructure/tokens';

export interface EventLogSnapshot {
  count: number;
  head: bigint | undefined;
}

/**
 * The whole event log's size and highest position, to prove that a refused request wrote nothing.
 * Read straight from the table (the e2e app always runs on PostgreSQL): the store's readAll and
 * headPosition hold back events while any transaction that might be ours is open, even one of a
 * parallel suite's database for an instant, which would make two snapshots differ with nothing written.
 */
export async function eventLogSnapshot(app: INestApplication): Promise<EventLogSnapshot> {
  const { rows } = await app.get<Pool>(PG_POOL).query<{ count: number; head: string | null }>(
    `SELECT count(*)::int AS count, max(position)::text AS head FROM ${EVENTS}`,
  );
  return { count: rows[0].count, head: rows[0].head === null ? undefined : BigInt(rows[0].head) };
}

export const eventStoreOf = (app: INestApplication) => app.get<EventStore>(EVENT_STORE);
