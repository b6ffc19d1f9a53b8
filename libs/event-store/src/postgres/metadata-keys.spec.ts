import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import type { RecordedEvent } from '../event-store';
import { migrateEventStore } from './migrate';
import { PostgresEventStore } from './postgres-event-store';
import { eventRowReader } from './rows';

describe('PostgreSQL subscription with metadata keys', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('metadata_keys');
    await migrateEventStore(db.url);
    store = new PostgresEventStore({ url: db.url, maxConnections: 4 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const event = (metadata: Record<string, unknown>) => ({ id: randomUUID(), type: 'TestEvent', data: { n: 1 }, metadata });

  async function deliveredMetadata(metadataKeys?: readonly string[]): Promise<Record<string, unknown>[]> {
    const seen: RecordedEvent[] = [];
    const sub = store.subscribe(
      async (events) => {
        seen.push(...events);
      },
      { metadataKeys },
    );
    await sub.caughtUp;
    await sub.stop();
    return seen.map((e) => e.metadata);
  }

  it('reads only the named keys; keys missing or null in an event are left out', async () => {
    const full = { actor: { userId: 'u', role: 'office', onBehalfOf: null }, regionId: 'r', eventId: 'e', schemaVersion: 1 };
    await store.append('s-1', [event(full), event({ regionId: null, commandId: 'c' }), event({})], { expectedRevision: 'no_stream' });

    expect(await deliveredMetadata(['actor', 'regionId'])).toEqual([
      { actor: { userId: 'u', role: 'office', onBehalfOf: null }, regionId: 'r' },
      {},
      {},
    ]);
    expect(await deliveredMetadata(['schemaVersion', 'schemaVersion'])).toEqual([{ schemaVersion: 1 }, {}, {}]);
    expect(await deliveredMetadata()).toEqual([full, { regionId: null, commandId: 'c' }, {}]);
  });

  it('refuses a key that is not a plain name when the subscription is made, before any query', () => {
    for (const key of ["a'b", 'a-b', '', '1a', 'actor; DROP TABLE x']) {
      expect(() => eventRowReader([key])).toThrow(/Not a metadata key/);
    }
    expect(() => eventRowReader(['actor', 'region_Id2'])).not.toThrow();
    expect(() => store.subscribe(async () => undefined, { metadataKeys: ["a'b"] })).toThrow(/Not a metadata key/);
  });
});
