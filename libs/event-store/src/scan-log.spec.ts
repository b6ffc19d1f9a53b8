import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@app/testing';
import { newEvents, uniqueStream } from './contract/support';
import { UnknownPositionError } from './errors';
import type { EventStore } from './event-store';
import { migratedStore } from './postgres/test-store';
import { scanChains, scanLog } from './scan-log';

/**
 * scanLog and scanChains are EventStoreDB's readLog and readChains, built on readAll and readStream
 * only. No EventStoreDB runs here, so they run over the PostgreSQL store and must give what its own
 * queries give (hashes: computed there, stored here; the same function makes both).
 */
describe('readLog and readChains from readAll/readStream alone (the EventStoreDB way)', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  let store: EventStore;
  const region = randomUUID();
  const streams = [uniqueStream('scan'), uniqueStream('scan'), uniqueStream('scan')];
  beforeAll(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_scan_log');
    store = subject.store;
    await store.append(streams[0], newEvents(1, 'Opened', () => ({ regionId: region })), { expectedRevision: 'no_stream' });
    await store.append(streams[1], newEvents(1, 'Opened', () => ({ regionId: 'other' })), { expectedRevision: 'no_stream' });
    await store.append(streams[2], newEvents(1, 'Opened', () => ({ regionId: region })), { expectedRevision: 'no_stream' });
    for (let i = 0; i < 2500; i += 500) {
      for (const s of streams) await store.append(s, newEvents(500 / 3 | 0), { expectedRevision: 'any' });
    }
  });
  afterAll(() => subject.dispose());

  const set = { key: 'regionId', value: region };

  it('gives the same events and hashes as the store query, across pages of readAll', async () => {
    const direct = await store.readLog({ streams: set, withHashes: true });
    const scanned = await scanLog(store, { streams: set, withHashes: true });
    expect(direct.events.length).toBe(1 + 1 + 2 * 5 * 166);
    expect(scanned.events).toEqual(direct.events);
    expect(new Map(scanned.hashes)).toEqual(new Map(direct.hashes));
  });

  it('cuts at a position and a record time as the store query does, and refuses an unknown position', async () => {
    const direct = await store.readLog({ streams: set });
    const at = direct.events[700].position;
    expect((await scanLog(store, { streams: set, toPosition: at })).events).toEqual((await store.readLog({ streams: set, toPosition: at })).events);
    const before = direct.events[900].recordedAt;
    expect((await scanLog(store, { streams: set, recordedBefore: before })).events).toEqual(
      (await store.readLog({ streams: set, recordedBefore: before })).events,
    );
    const byIds = { streamIds: [streams[1], streams[2]] };
    expect((await scanLog(store, { streams: byIds, toPosition: at })).events).toEqual((await store.readLog({ streams: byIds, toPosition: at })).events);
    const head = (await store.headPosition())!;
    await expect(scanLog(store, { streams: set, toPosition: head + 1n })).rejects.toBeInstanceOf(UnknownPositionError);
    await expect(scanLog(store, { streams: byIds, toPosition: head + 1n })).rejects.toBeInstanceOf(UnknownPositionError);
  });

  it('computes the chains the store keeps: same hashes and heads, but says they are not kept', async () => {
    const kept = await store.readChains(set);
    const computed = await scanChains(store, set);
    expect(kept.kept).toBe(true);
    expect(computed.kept).toBe(false);
    expect(new Map(computed.hashes)).toEqual(new Map(kept.hashes));
    expect(new Map(computed.heads)).toEqual(new Map(kept.heads));
    const sortKey = (e: { streamId: string; revision: bigint }) => `${e.streamId}/${String(e.revision).padStart(6, '0')}`;
    expect(computed.events.map(sortKey).sort()).toEqual(kept.events.map(sortKey).sort());
  });
});
