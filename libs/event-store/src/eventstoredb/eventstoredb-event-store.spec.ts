import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKWARDS, END, EventStoreDBClient } from '@eventstore/db-client';
import { describeEventStoreContract } from '../contract/event-store.contract';
import type { RecordedEvent } from '../event-store';
import { createEventStoreDbEventStore, type EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Runs only against a real server: EVENTSTORE_URL=esdb://localhost:2113?tls=false. Streams get
 * random names (the contract's uniqueStream, randomUUID here), so a shared server is fine.
 */
const url = process.env.EVENTSTORE_URL;
const SKIPPED =
  'EventStoreDB contract suite skipped: EVENTSTORE_URL is not set (this machine cannot run an EventStoreDB server; `docker compose -f docker/docker-compose.yml up eventstore` starts one)';

describe('EventStoreDB adapter without a reachable server', () => {
  it('refuses a connection string that is not esdb://, without echoing it', () => {
    expect(() => createEventStoreDbEventStore('postgres://user:secret@db/x')).toThrow(/^EVENTSTORE_URL must be an esdb:\/\//);
    expect(() => createEventStoreDbEventStore('postgres://user:secret@db/x')).not.toThrow(/secret/);
  });

  it('fails calls fast with the client error instead of hanging, and still closes', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const store = createEventStoreDbEventStore('esdb://127.0.0.1:1?tls=false');
    await expect(store.readStream('recommendation-1')).rejects.toMatchObject({ type: 'unavailable' });
    await expect(store.headPosition()).rejects.toMatchObject({ type: 'unavailable' });
    const reported: unknown[] = [];
    const subscription = store.subscribe(async () => undefined, { onError: (e) => reported.push(e) });
    await expect(subscription.caughtUp).rejects.toMatchObject({ type: 'unavailable' });
    expect(reported).toHaveLength(1);
    await store.close();
  });
});

if (url) {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = createEventStoreDbEventStore(url);
    return { store, dispose: () => store.close() };
  });

  // The position mapping (mapping.ts) rests on one server fact; check it where it could break:
  // several events written by one append.
  describe('EventStoreDB positions of a multi-event append', () => {
    let store: EventStoreDbEventStore;
    let raw: EventStoreDBClient;
    let stream: string;
    let written: RecordedEvent[];

    beforeAll(async () => {
      store = createEventStoreDbEventStore(url);
      raw = EventStoreDBClient.connectionString(url);
      stream = `positions-${randomUUID()}`;
      const events = Array.from({ length: 4 }, (_, i) => ({ id: randomUUID(), type: 'PositionProbe', data: { i }, metadata: {} }));
      await store.append(stream, events, { expectedRevision: 'no_stream' });
      written = await store.readStream(stream);
    });

    afterAll(async () => {
      await store.close();
      await raw.dispose();
    });

    it('gives every event its own commit position, equal to its prepare position', async () => {
      const seen: { commit: bigint; prepare: bigint }[] = [];
      for await (const resolved of raw.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 200 })) {
        if (resolved.event?.streamId === stream) seen.unshift(resolved.event.position);
        if (seen.length === 4) break;
      }
      expect(seen).toHaveLength(4);
      for (const p of seen) expect(p.prepare).toBe(p.commit);
      expect(new Set(seen.map((p) => p.commit)).size).toBe(4);
      expect(written.map((e) => e.position)).toEqual(seen.map((p) => p.commit));
    });

    it('resumes readAll and subscribe from the middle of that append', async () => {
      const prefixes = [stream];
      const rest = await store.readAll({ fromPosition: written[1]!.position, streamPrefixes: prefixes });
      expect(rest.map((e) => e.revision)).toEqual([2n, 3n]);

      const handled: RecordedEvent[] = [];
      const subscription = store.subscribe(async (batch) => void handled.push(...batch), {
        fromPosition: written[1]!.position,
        streamPrefixes: prefixes,
      });
      await subscription.caughtUp;
      await subscription.stop();
      expect(handled.map((e) => e.revision)).toEqual([2n, 3n]);
    });
  });
} else {
  console.warn(SKIPPED);
  describe.skip(SKIPPED, () => {
    it('runs the event store contract against EventStoreDB', () => undefined);
  });
}
