import type { INestApplication } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';

export interface EventLogSnapshot {
  count: number;
  head: bigint | undefined;
}

/** The whole event log's size and head position, to prove that a refused request wrote nothing. */
export async function eventLogSnapshot(app: INestApplication): Promise<EventLogSnapshot> {
  const store = app.get<EventStore>(EVENT_STORE);
  let count = 0;
  let fromPosition: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition, limit: 1000 });
    count += page.length;
    if (page.length < 1000) break;
    fromPosition = page.at(-1)!.position;
  }
  return { count, head: await store.headPosition() };
}

export const eventStoreOf = (app: INestApplication) => app.get<EventStore>(EVENT_STORE);
