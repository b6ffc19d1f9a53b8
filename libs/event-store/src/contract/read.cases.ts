import { beforeAll, describe, expect, it } from '@jest/globals';
import { UnknownPositionError } from '../errors';
import { READ_ALL_DEFAULT_LIMIT, type RecordedEvent } from '../event-store';
import { type GetStore, newEvents, sleep, uniqueStream } from './support';

export function readCases(store: GetStore): void {
  describe('readStream', () => {
    let id: string;
    let all: RecordedEvent[];
    const revisions = (events: RecordedEvent[]) => events.map((e) => Number(e.revision));

    beforeAll(async () => {
      id = uniqueStream();
      for (let i = 0; i < 10; i++) {
        await store().append(id, newEvents(1), { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
        await sleep(5);
      }
      all = await store().readStream(id);
    });

    it('reads forwards from revision 0 by default', () => {
      expect(revisions(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('reads backwards from the end', async () => {
      expect(revisions(await store().readStream(id, { direction: 'backwards' }))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    });

    it('bounds forwards by fromRevision and toRevision, inclusive', async () => {
      expect(revisions(await store().readStream(id, { fromRevision: 3n, toRevision: 6n }))).toEqual([3, 4, 5, 6]);
      expect(revisions(await store().readStream(id, { fromRevision: 8n }))).toEqual([8, 9]);
    });

    it('bounds backwards from fromRevision down to toRevision', async () => {
      expect(revisions(await store().readStream(id, { direction: 'backwards', fromRevision: 6n, toRevision: 3n }))).toEqual([6, 5, 4, 3]);
    });

    it('limits by maxCount in either direction', async () => {
      expect(revisions(await store().readStream(id, { maxCount: 3 }))).toEqual([0, 1, 2]);
      expect(revisions(await store().readStream(id, { direction: 'backwards', maxCount: 2 }))).toEqual([9, 8]);
    });

    it('recordedBefore keeps exactly the events recorded strictly earlier', async () => {
      const cut = all[4].recordedAt;
      // Not "a prefix of the stream": EventStoreDB's record time may go back within a stream.
      expect(revisions(await store().readStream(id, { recordedBefore: cut }))).toEqual(revisions(all.filter((e) => e.recordedAt < cut)));
      expect(revisions(await store().readStream(id, { recordedBefore: cut }))).toContain(3);
      expect(revisions(await store().readStream(id, { recordedBefore: cut }))).not.toContain(4);
      expect(await store().readStream(id, { recordedBefore: all[0].recordedAt })).toEqual([]);
      expect(revisions(await store().readStream(id, { recordedBefore: new Date(all[9].recordedAt.getTime() + 1) }))).toHaveLength(10);
    });

    it('a missing stream reads as empty and has no revision', async () => {
      expect(await store().readStream(uniqueStream())).toEqual([]);
      expect(await store().streamRevision(uniqueStream())).toBeUndefined();
      expect(await store().streamRevision(id)).toBe(9n);
    });
  });

  describe('readAll', () => {
    it('without a limit returns one page of READ_ALL_DEFAULT_LIMIT events, not the whole log', async () => {
      const head = await store().headPosition();
      const tag = uniqueStream('page');
      await store().append(`${tag}-1`, newEvents(READ_ALL_DEFAULT_LIMIT + 1), { expectedRevision: 'no_stream' });
      const page = await store().readAll({ fromPosition: head, streamPrefixes: [`${tag}-`] });
      expect(page).toHaveLength(READ_ALL_DEFAULT_LIMIT);
      const rest = await store().readAll({ fromPosition: page.at(-1)!.position, streamPrefixes: [`${tag}-`] });
      expect(rest.map((e) => e.revision)).toEqual([BigInt(READ_ALL_DEFAULT_LIMIT)]);
    });

    it('refuses a checkpoint that is no event position, in readAll and in subscribe', async () => {
      await store().append(uniqueStream(), newEvents(2), { expectedRevision: 'no_stream' });
      const head = (await store().headPosition())!;
      for (const position of [head + 1n, 2n ** 62n]) {
        await expect(store().readAll({ fromPosition: position })).rejects.toEqual(new UnknownPositionError(position));
        const sub = store().subscribe(async () => undefined, { fromPosition: position, onError: () => undefined });
        await expect(sub.caughtUp).rejects.toBeInstanceOf(UnknownPositionError);
        await expect(sub.stop()).rejects.toBeInstanceOf(UnknownPositionError);
      }
      // The head itself is an event's position: nothing after it of ours, and no refusal.
      await expect(store().readAll({ fromPosition: head, streamPrefixes: [uniqueStream()] })).resolves.toEqual([]);
    });

    it('returns events after a position in append order, filtered by stream prefix', async () => {
      const head = await store().headPosition();
      const tag = uniqueStream('all');
      const a = `${tag}-orders-1`;
      const b = `${tag}-other-1`;
      const c = `${tag}-orders-2`;
      const appended: string[] = [];
      for (const stream of [a, b, c, a, b, c]) {
        const events = newEvents(1);
        await store().append(stream, events, { expectedRevision: 'any' });
        appended.push(events[0].id);
      }
      const everything = await store().readAll({ fromPosition: head, limit: 10_000 });
      expect(everything.map((e) => e.id).filter((x) => appended.includes(x))).toEqual(appended);
      const orders = await store().readAll({ fromPosition: head, streamPrefixes: [`${tag}-orders-`] });
      expect(orders.map((e) => e.id)).toEqual([0, 2, 3, 5].map((i) => appended[i]));
      const two = await store().readAll({ fromPosition: head, streamPrefixes: [`${tag}-orders-`, `${tag}-other-`], limit: 2 });
      expect(two.map((e) => e.id)).toEqual(appended.slice(0, 2));
      // fromPosition is exclusive and resumes exactly after an event.
      const rest = await store().readAll({ fromPosition: two[1].position, streamPrefixes: [`${tag}-`] });
      expect(rest.map((e) => e.id)).toEqual(appended.slice(2));
      // The head moved past the first position before our appends to (at least) our last event, and
      // none of our events lies beyond it (other writers on a shared server may have moved it further).
      const ours = everything.filter((e) => appended.includes(e.id));
      if (head !== undefined) expect(ours[0].position > head).toBe(true);
      const after = await store().headPosition();
      expect(after).not.toBeUndefined();
      expect(after! >= ours.at(-1)!.position).toBe(true);
      expect(await store().readAll({ fromPosition: after!, streamPrefixes: [`${tag}-`] })).toEqual([]);
    });
  });
}
