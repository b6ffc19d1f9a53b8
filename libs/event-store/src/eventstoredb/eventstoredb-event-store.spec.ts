import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKWARDS, END, EventStoreDBClient } from '@eventstore/db-client';
import { describeEventStoreContract } from '../contract/event-store.contract';
import type { RecordedEvent } from '../event-store';
import { InvalidEventError } from '../errors';
import { EventStoreDbEventStore, connectEventStoreDb, createEventStoreDbEventStore } from './eventstoredb-event-store';
import { UnsupportedServerError } from './server-version';

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

  it('refuses data the client cannot serialise before anything is sent: a clean rejection, no unhandled one', async () => {
    const store = createEventStoreDbEventStore('esdb://127.0.0.1:1?tls=false');
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      const event = { id: randomUUID(), type: 'T', metadata: {} };
      await expect(store.append('s-1', [{ ...event, data: { amount: 1n } }], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidEventError);
      await expect(store.append('s-1', [{ ...event, id: 'x' }] as never, { expectedRevision: 'any' })).rejects.toThrow(/id must be a uuid/);
      // Give a stray rejection from inside the client a turn of the event loop to show itself.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
      await store.close();
    }
  });

  it('connecting asks the server version and reports an unreachable server as the client does', async () => {
    await expect(connectEventStoreDb('esdb://127.0.0.1:1?tls=false')).rejects.toMatchObject({ type: 'unavailable' });
  });

  it.each([
    ['23.6.0.0', /EventStoreDB 23\.10 or later is needed .* runs version 23\.6$/],
    ['unknown', /older than 21\.10/],
  ])('a server reporting %s is refused, also for a subscription, which never calls the handler', async (serverVersion, message) => {
    let subscribed = 0;
    const client = {
      capabilities: Promise.resolve({ serverVersion }),
      subscribeToAll: () => {
        subscribed += 1;
        return Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: async () => undefined });
      },
    } as unknown as EventStoreDBClient;
    const store = new EventStoreDbEventStore(client);
    await expect(store.requireSupportedServer()).rejects.toThrow(message);
    await expect(store.requireSupportedServer()).rejects.toBeInstanceOf(UnsupportedServerError);
    const handled: unknown[] = [];
    const sub = store.subscribe(async (batch) => void handled.push(...batch), { onError: () => undefined });
    await expect(sub.caughtUp).rejects.toBeInstanceOf(UnsupportedServerError);
    expect(subscribed).toBe(1);
    expect(handled).toEqual([]);
  });

  it('a server reporting 23.10 is accepted', async () => {
    const client = { capabilities: Promise.resolve({ serverVersion: '23.10.0.0' }) } as unknown as EventStoreDBClient;
    await expect(new EventStoreDbEventStore(client).requireSupportedServer()).resolves.toBeUndefined();
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
