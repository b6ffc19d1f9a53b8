import { describe, expect, it } from '@jest/globals';
import { InvalidEventError, WrongExpectedRevisionError } from '../errors';
import type { AppendResult, ExpectedRevision } from '../event-store';
import { type GetStore, newEvents, uniqueStream } from './support';

/** The result of a retry without its `alreadyWritten` flag, to compare with the first append's. */
const withoutFlag = ({ alreadyWritten: _flag, ...rest }: AppendResult): AppendResult => rest;

/** A store says a retry wrote nothing (PostgreSQL) or cannot tell (EventStoreDB); never that it wrote. */
function expectRetryFlag(result: AppendResult): void {
  expect([true, undefined]).toContain(result.alreadyWritten);
}

export function appendCases(store: GetStore): void {
  async function streamWith(count: number): Promise<string> {
    const id = uniqueStream();
    if (count > 0) await store().append(id, newEvents(count), { expectedRevision: 'no_stream' });
    return id;
  }

  async function expectWrong(streamId: string, expected: ExpectedRevision, actual: bigint | 'no_stream'): Promise<void> {
    const before = await store().readStream(streamId);
    const error = await store()
      .append(streamId, newEvents(2), { expectedRevision: expected })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect((error as WrongExpectedRevisionError).actual).toBe(actual);
    expect((error as WrongExpectedRevisionError).streamId).toBe(streamId);
    // Nothing was written.
    expect(await store().readStream(streamId)).toEqual(before);
    expect(await store().streamRevision(streamId)).toBe(actual === 'no_stream' ? undefined : actual);
  }

  describe('append with an expected revision', () => {
    it('no_stream creates a stream with revisions from 0', async () => {
      const id = uniqueStream();
      const events = newEvents(3);
      const result = await store().append(id, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2n);
      const read = await store().readStream(id);
      expect(read.map((e) => [e.id, e.revision, e.type, e.data, e.metadata, e.streamId])).toEqual(
        events.map((e, i) => [e.id, BigInt(i), e.type, e.data, e.metadata, id]),
      );
      expect(read[2].position).toBe(result.position);
      for (const e of read) expect(e.recordedAt).toBeInstanceOf(Date);
    });

    it('no_stream on an existing stream fails with the actual revision', async () => {
      await expectWrong(await streamWith(2), 'no_stream', 1n);
    });

    it('stream_exists appends to an existing stream', async () => {
      const id = await streamWith(1);
      const result = await store().append(id, newEvents(1), { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('stream_exists on a missing stream fails with no_stream', async () => {
      await expectWrong(uniqueStream(), 'stream_exists', 'no_stream');
    });

    it('an exact revision appends when it is the last revision', async () => {
      const id = await streamWith(2);
      const result = await store().append(id, newEvents(2), { expectedRevision: 1n });
      expect(result.nextExpectedRevision).toBe(3n);
      expect((await store().readStream(id)).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
    });

    it('an exact revision behind the stream fails and leaves it unchanged', async () => {
      await expectWrong(await streamWith(3), 0n, 2n);
    });

    it('an exact revision ahead of the stream fails and leaves it unchanged', async () => {
      await expectWrong(await streamWith(3), 5n, 2n);
    });

    it('an exact revision on a missing stream fails with no_stream', async () => {
      await expectWrong(uniqueStream(), 0n, 'no_stream');
    });

    it('any appends to a missing and to an existing stream', async () => {
      const id = uniqueStream();
      expect((await store().append(id, newEvents(2), { expectedRevision: 'any' })).nextExpectedRevision).toBe(1n);
      expect((await store().append(id, newEvents(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(2n);
    });

    it('keeps data and metadata exactly: nesting, unicode, numbers', async () => {
      const id = uniqueStream();
      const data = { nested: { list: [1, 2.5, -0.125, 1e21, 12345678901234], empty: {}, none: null }, text: 'Grüße 👩‍🏫 „Bildung" \\ \n', flag: false };
      await store().append(id, [{ id: newEvents(1)[0].id, type: 'Unicode', data, metadata: { correlationId: 'ä', depth: { a: [true] } } }], { expectedRevision: 'no_stream' });
      const [read] = await store().readStream(id);
      expect(read.data).toEqual(data);
      expect(read.metadata).toEqual({ correlationId: 'ä', depth: { a: [true] } });
    });
  });

  describe('an empty append', () => {
    it('writes nothing and only checks the expected revision', async () => {
      const id = await streamWith(2);
      const result = await store().append(id, [], { expectedRevision: 1n });
      expect(result.nextExpectedRevision).toBe(1n);
      expect(await store().streamRevision(id)).toBe(1n);
      expect((await store().append(uniqueStream(), [], { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(-1n);
      await expect(store().append(id, [], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 1n });
      await expect(store().append(uniqueStream(), [], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        actual: 'no_stream',
      });
    });
  });

  describe('events the store cannot keep', () => {
    const valid = () => newEvents(1)[0];
    it.each([
      ['a bigint in data', () => ({ ...valid(), data: { amount: 1n } }), /data is not JSON/],
      ['a cycle in data', () => { const data: Record<string, unknown> = {}; data.self = data; return { ...valid(), data }; }, /data is not JSON/],
      ['a bigint in metadata', () => ({ ...valid(), metadata: { n: 2n } }), /metadata is not JSON/],
      ['metadata that is an array', () => ({ ...valid(), metadata: [1] as unknown as Record<string, unknown> }), /metadata must be an object/],
      ['an id that is no uuid', () => ({ ...valid(), id: 'not-a-uuid' }), /id must be a uuid/],
      ['an empty type', () => ({ ...valid(), type: '' }), /type must be a non-empty string/],
    ])('%s is refused with InvalidEventError, nothing is written, the store goes on', async (_what, bad, message) => {
      const id = uniqueStream();
      const first = valid();
      const error = await store()
        .append(id, [first, bad()], { expectedRevision: 'no_stream' })
        .then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidEventError);
      expect(error).toMatchObject({ streamId: id, index: 1 });
      expect((error as Error).message).toMatch(message);
      expect(await store().readStream(id)).toEqual([]);
      await store().append(id, [first], { expectedRevision: 'no_stream' });
      expect((await store().readStream(id)).map((e) => e.id)).toEqual([first.id]);
    });

    it('undefined data is kept as null and undefined members are left out, as JSON does', async () => {
      const id = uniqueStream();
      await store().append(
        id,
        [
          { ...valid(), data: undefined },
          { ...valid(), data: { kept: 1, dropped: undefined, at: new Date('2026-01-02T03:04:05.678Z') }, metadata: { gone: undefined, n: 1 } },
        ],
        { expectedRevision: 'no_stream' },
      );
      const [none, some] = await store().readStream(id);
      expect(none.data).toBeNull();
      expect(some.data).toEqual({ kept: 1, at: '2026-01-02T03:04:05.678Z' });
      expect(some.metadata).toEqual({ n: 1 });
    });
  });

  describe('idempotent retry', () => {
    it('the same ids at the same expected revision succeed again and write nothing', async () => {
      const id = uniqueStream();
      const events = newEvents(3);
      const first = await store().append(id, events, { expectedRevision: 'no_stream' });
      expect(first.alreadyWritten).not.toBe(true);
      const again = await store().append(id, events, { expectedRevision: 'no_stream' });
      expect(withoutFlag(again)).toEqual(first);
      expectRetryFlag(again);
      const more = newEvents(2);
      const second = await store().append(id, more, { expectedRevision: 2n });
      const secondAgain = await store().append(id, more, { expectedRevision: 2n });
      expect(withoutFlag(secondAgain)).toEqual(second);
      expectRetryFlag(secondAgain);
      expect((await store().readStream(id)).map((e) => e.id)).toEqual([...events, ...more].map((e) => e.id));
    });

    it('a partial match is an error and writes nothing', async () => {
      const id = uniqueStream();
      const events = newEvents(2);
      await store().append(id, events, { expectedRevision: 'no_stream' });
      const mixed = [events[0], ...newEvents(1)];
      await expect(store().append(id, mixed, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store().readStream(id)).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });
  });
}
