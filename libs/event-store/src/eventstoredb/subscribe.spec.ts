import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import type { EventStoreDBClient, SubscribeToAllOptions } from '@eventstore/db-client';
import { Subscription as ClientSubscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { UUID, StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { RecordedEvent } from '../event-store';
import { subscribeToAll } from './subscribe';

/**
 * No EventStoreDB server runs here, so these cases drive the pump in subscribe.ts through the
 * client's own Subscription stream and its own gRPC-message conversion, fed with scripted ReadResp
 * messages as the server would send them. What they cannot show (the server's filtering and
 * ordering) the contract suite checks when EVENTSTORE_URL is set.
 */
function scriptedServer() {
  const call = Object.assign(new PassThrough({ objectMode: true }), { cancelled: false, cancel() { call.cancelled = true; call.end(); } });
  const requests: SubscribeToAllOptions[] = [];
  const client = {
    subscribeToAll(options: SubscribeToAllOptions) {
      requests.push(options);
      return new ClientSubscription(async () => call as never, convertGrpcEvent, {});
    },
  } as unknown as EventStoreDBClient;

  const event = (streamId: string, position: bigint, type = 'TestEvent', data: unknown = { position: String(position) }) => {
    const record = new ReadResp.ReadEvent.RecordedEvent();
    record.setId(new UUID().setString(randomUUID()));
    record.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamId)));
    record.setStreamRevision('0');
    record.setCommitPosition(position.toString());
    record.setPreparePosition(position.toString());
    record.getMetadataMap().set('type', type).set('content-type', 'application/json').set('created', String(Date.now() * 10_000));
    record.setData(Buffer.from(JSON.stringify(data)));
    record.setCustomMetadata(Buffer.from('{}'));
    call.write(new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(record)));
  };
  const caughtUp = () => call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  return { client, requests, call, event, caughtUp };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const positions = (events: RecordedEvent[]) => events.map((e) => Number(e.position));

describe('EventStoreDB subscription pump (client stream, scripted server)', () => {
  it('asks the server for the checkpoint as {commit, prepare} and for the prefix filter', async () => {
    const server = scriptedServer();
    const sub = subscribeToAll(server.client, async () => undefined, { fromPosition: 700n, streamPrefixes: ['recommendation-'] });
    expect(server.requests[0]).toMatchObject({
      fromPosition: { commit: 700n, prepare: 700n },
      filter: { filterOn: 'streamName', prefixes: ['recommendation-'] },
    });
    await sub.stop();
    expect(server.call.cancelled).toBe(true);
  });

  it('resolves caughtUp only after the handler has been through every event sent before the signal', async () => {
    const server = scriptedServer();
    const handled: RecordedEvent[] = [];
    const batches: number[] = [];
    const sub = subscribeToAll(
      server.client,
      async (batch) => {
        batches.push(batch.length);
        await sleep(2); // slower than the stream, so events pile up
        handled.push(...batch);
      },
      { batchSize: 3 },
    );
    // More than the pump queues (4 batches) before it pauses the client's stream, so part of the
    // backlog is still inside the client's buffer when the signal is seen.
    const backlog = Array.from({ length: 40 }, (_, i) => (i + 1) * 100);
    for (const p of backlog) server.event('r-1', BigInt(p));
    server.caughtUp();
    server.event('r-1', 4_100n); // live, after the signal
    await sub.caughtUp;
    expect(positions(handled).slice(0, 40)).toEqual(backlog);
    expect(Math.max(...batches)).toBeLessThanOrEqual(3);
    while (!positions(handled).includes(4_100)) await sleep(5);
    await sub.stop();
  });

  it('treats the checkpoint as exclusive and drops system events and other prefixes', async () => {
    const server = scriptedServer();
    const handled: RecordedEvent[] = [];
    const sub = subscribeToAll(server.client, async (batch) => void handled.push(...batch), {
      fromPosition: 200n,
      streamPrefixes: ['recommendation-'],
    });
    server.event('recommendation-1', 200n); // the checkpoint itself, if a server repeats it
    server.event('recommendation-1', 300n);
    server.event('$stats-1', 400n, '$statsCollected');
    server.event('recommendation-2', 500n, '$>');
    server.event('committee-1', 600n);
    server.event('recommendation-2', 700n);
    server.caughtUp();
    await sub.caughtUp;
    expect(positions(handled)).toEqual([300, 700]);
    expect(handled[1]).toMatchObject({ streamId: 'recommendation-2', type: 'TestEvent', data: { position: '700' }, metadata: {} });
    expect(handled[1]!.recordedAt).toBeInstanceOf(Date);
    await sub.stop();
  });

  it('stop waits for the batch in flight, delivers nothing after, and rejects a pending caughtUp', async () => {
    const server = scriptedServer();
    let running = 0;
    let calls = 0;
    const sub = subscribeToAll(
      server.client,
      async () => {
        calls += 1;
        running += 1;
        await sleep(60);
        running -= 1;
      },
      { batchSize: 1 },
    );
    for (let p = 1; p <= 4; p++) server.event('r-1', BigInt(p));
    while (running === 0) await sleep(5);
    await sub.stop();
    expect(running).toBe(0);
    const after = calls;
    await sleep(100);
    expect(calls).toBe(after);
    expect(calls).toBeLessThan(4);
    await expect(sub.caughtUp).rejects.toThrow(/stopped before it caught up/);
  });

  it('a failing handler stops it: caughtUp and stop reject with that error, onError hears it once', async () => {
    const server = scriptedServer();
    const boom = new Error('projection failed');
    const reported: unknown[] = [];
    let calls = 0;
    const sub = subscribeToAll(
      server.client,
      async () => {
        calls += 1;
        throw boom;
      },
      { batchSize: 1, onError: (e) => reported.push(e) },
    );
    server.event('r-1', 1n);
    server.event('r-1', 2n);
    await expect(sub.caughtUp).rejects.toBe(boom);
    await expect(sub.stop()).rejects.toBe(boom);
    expect(calls).toBe(1);
    expect(reported).toEqual([boom]);
  });

  it('a subscription the server ends is a failure, not a silent stop', async () => {
    const server = scriptedServer();
    const reported: unknown[] = [];
    const sub = subscribeToAll(server.client, async () => undefined, { onError: (e) => reported.push(e) });
    server.call.end();
    await expect(sub.caughtUp).rejects.toThrow(/ended the subscription/);
    expect(reported).toHaveLength(1);
    await expect(sub.stop()).rejects.toThrow(/ended the subscription/);
  });
});
