import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { chainHash } from '../chain-hash';
import { UnknownPositionError } from '../errors';
import type { RecordedEvent } from '../event-store';
import { type GetStore, newEvents, sleep, uniqueStream } from './support';

/** The hash chain of whole streams as `chainHash` defines it, computed here from what was read. */
function expectedHashes(events: readonly RecordedEvent[]): Map<string, string> {
  const previous = new Map<string, Buffer>();
  const out = new Map<string, string>();
  for (const e of [...events].sort((a, b) => Number(a.revision - b.revision))) {
    const hash = chainHash(previous.get(e.streamId) ?? Buffer.alloc(0), { streamId: e.streamId, revision: e.revision, eventId: e.id, type: e.type, data: e.data, metadata: e.metadata, recordedAt: e.recordedAt });
    previous.set(e.streamId, hash);
    out.set(e.id, hash.toString('hex'));
  }
  return out;
}

export function logCases(store: GetStore): void {
  describe('readLog and readChains: the events of a set of streams', () => {
    // Two "regions" named by the first event's data, interleaved with each other and with a stream of neither.
    const region = randomUUID();
    const other = randomUUID();
    const ours = [uniqueStream('log'), uniqueStream('log')];
    const theirs = uniqueStream('log');
    const neither = uniqueStream('log');
    let all: RecordedEvent[];
    const ids = (events: readonly RecordedEvent[]) => events.map((e) => e.id);

    beforeAll(async () => {
      const first = (regionId: string) => newEvents(1, 'Opened', () => ({ regionId }));
      await store().append(ours[0], first(region), { expectedRevision: 'no_stream' });
      await store().append(theirs, first(other), { expectedRevision: 'no_stream' });
      // Names the region, but not in its first event: not in the set.
      await store().append(neither, newEvents(1, 'Opened', () => ({ regionId: other })), { expectedRevision: 'no_stream' });
      await store().append(neither, newEvents(1, 'Moved', () => ({ regionId: region })), { expectedRevision: 0n });
      await store().append(ours[1], first(region), { expectedRevision: 'no_stream' });
      for (let i = 0; i < 3; i++) {
        await sleep(5);
        await store().append(ours[i % 2], newEvents(1, 'Noted', () => ({ i })), { expectedRevision: 'any' });
        await store().append(theirs, newEvents(1), { expectedRevision: 'any' });
      }
      const everything = await Promise.all([...ours, theirs, neither].map((s) => store().readStream(s)));
      const positions = new Map(everything.flat().map((e) => [e.id, e] as const));
      // Global order as readAll gives it, restricted to the four streams.
      const log = await store().readAll({ fromPosition: undefined, streamPrefixes: ['log-'], limit: 100_000 });
      all = log.filter((e) => positions.has(e.id));
    });

    const mine = () => all.filter((e) => ours.includes(e.streamId));

    it('by first event: exactly the streams whose first event names the value, in global order', async () => {
      const read = await store().readLog({ streams: { key: 'regionId', value: region } });
      expect(ids(read.events)).toEqual(ids(mine()));
      expect(read.events).toHaveLength(5);
      expect(read.hashes.size).toBe(0);
    });

    it('by stream ids, in global order', async () => {
      const read = await store().readLog({ streams: { streamIds: [ours[1], theirs] } });
      expect(ids(read.events)).toEqual(ids(all.filter((e) => e.streamId === ours[1] || e.streamId === theirs)));
    });

    it('up to a position, inclusive; one that is no event position is refused', async () => {
      const cut = mine()[2];
      const read = await store().readLog({ streams: { key: 'regionId', value: region }, toPosition: cut.position });
      expect(ids(read.events)).toEqual(ids(mine().slice(0, 3)));
      // A position of another stream cuts too.
      const foreign = all.find((e) => e.streamId === theirs && e.revision === 2n)!;
      const upToForeign = await store().readLog({ streams: { key: 'regionId', value: region }, toPosition: foreign.position });
      expect(ids(upToForeign.events)).toEqual(ids(all.slice(0, all.indexOf(foreign) + 1).filter((e) => ours.includes(e.streamId))));
      const head = (await store().headPosition())!;
      await expect(store().readLog({ streams: { key: 'regionId', value: region }, toPosition: head + 1n })).rejects.toBeInstanceOf(UnknownPositionError);
    });

    it('before a record time: exactly the events recorded earlier', async () => {
      const cut = mine()[3].recordedAt;
      const read = await store().readLog({ streams: { key: 'regionId', value: region }, recordedBefore: cut });
      expect(ids(read.events)).toEqual(ids(mine().filter((e) => e.recordedAt < cut)));
    });

    it('with hashes: each the chain hash of its stream from revision 0, also when cut', async () => {
      const expected = expectedHashes(mine());
      const read = await store().readLog({ streams: { key: 'regionId', value: region }, withHashes: true });
      expect(new Map(read.hashes)).toEqual(expected);
      const cut = await store().readLog({ streams: { key: 'regionId', value: region }, withHashes: true, toPosition: mine()[1].position });
      expect(new Map(cut.hashes)).toEqual(new Map(ids(mine().slice(0, 2)).map((id) => [id, expected.get(id)!])));
    });

    it('readChains: every event of the set stream by stream in revision order, its hash, and each stream head', async () => {
      const chains = await store().readChains({ key: 'regionId', value: region });
      const expected = expectedHashes(mine());
      expect(new Set(chains.events.map((e) => e.streamId))).toEqual(new Set(ours));
      for (const streamId of ours) {
        const stream = chains.events.filter((e) => e.streamId === streamId);
        expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => BigInt(i)));
        const last = stream.at(-1)!;
        expect(chains.heads.get(streamId)).toEqual({ revision: last.revision, hash: expected.get(last.id) });
      }
      // Stream by stream: once a stream's events end, none of it follows.
      const order = chains.events.map((e) => e.streamId).filter((s, i, a) => a[i - 1] !== s);
      expect(order).toHaveLength(2);
      expect(new Map(chains.hashes)).toEqual(expected);
      expect(typeof chains.kept).toBe('boolean');
    });
  });
}
