import { createTestDatabase } from '@app/testing';
import { newEvents, uniqueStream } from '../contract/support';
import { EventIdInUseError } from '../errors';
import { PostgresEventStore } from './postgres-event-store';
import { migratedStore } from './test-store';

/**
 * What the API's command path relies on: a command reads the stream whole and appends to it, and
 * the read's head lets that append be one autocommit statement (no BEGIN / lock / COMMIT), even in
 * a process that did not write the stream's last event.
 */
describe('PostgreSQL event store: the command path', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  beforeAll(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_command_path');
  });
  afterAll(() => subject.dispose());

  /** Appends that took the locking path (BEGIN, SELECT … FOR UPDATE, INSERT, COMMIT). */
  function countLockingAppends(store: PostgresEventStore): () => number {
    const locked = store['appendWithLock'].bind(store);
    let count = 0;
    store['appendWithLock'] = (...args: Parameters<typeof locked>) => {
      count++;
      return locked(...args);
    };
    return () => count;
  }

  it('a store that read the whole stream appends at its head in one statement', async () => {
    const other = new PostgresEventStore({ url: subject.db.url });
    try {
      const id = uniqueStream();
      await subject.store.append(id, newEvents(3), { expectedRevision: 'no_stream' });
      const locking = countLockingAppends(other);
      // Without a read the other store does not know the head: the locking path.
      await other.append(id, newEvents(1), { expectedRevision: 2n });
      expect(locking()).toBe(1);
      await subject.store.append(id, newEvents(1), { expectedRevision: 3n });
      const read = await other.readStream(id);
      expect(read.at(-1)!.revision).toBe(4n);
      await other.append(id, newEvents(2), { expectedRevision: 4n });
      expect(locking()).toBe(1);
      expect(await subject.store.verify({ streamId: id })).toMatchObject({ ok: true, events: 7 });
    } finally {
      await other.close();
    }
  });

  it('a head read before another write goes stale: the append falls back and refuses the stale revision', async () => {
    const other = new PostgresEventStore({ url: subject.db.url });
    try {
      const id = uniqueStream();
      await subject.store.append(id, newEvents(1), { expectedRevision: 'no_stream' });
      await other.readStream(id);
      await subject.store.append(id, newEvents(1), { expectedRevision: 0n });
      const locking = countLockingAppends(other);
      await expect(other.append(id, newEvents(1), { expectedRevision: 0n })).rejects.toMatchObject({ actual: 1n });
      // Expecting the head it knew, the store needs no lock to see the conflict.
      expect(locking()).toBe(0);
      expect((await subject.store.readStream(id)).map((e) => e.revision)).toEqual([0n, 1n]);
      // The same events again after the other writer's: a duplicate of that append, not a conflict.
      const events = newEvents(1);
      await other.readStream(id);
      await subject.store.append(id, events, { expectedRevision: 1n });
      expect(await other.append(id, events, { expectedRevision: 1n })).toMatchObject({ nextExpectedRevision: 2n, alreadyWritten: true });
      expect(locking()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('a partial read (filtered or backwards) teaches no head', async () => {
    const id = uniqueStream();
    const writer = new PostgresEventStore({ url: subject.db.url });
    const reader = new PostgresEventStore({ url: subject.db.url });
    try {
      await writer.append(id, newEvents(3), { expectedRevision: 'no_stream' });
      const locking = countLockingAppends(reader);
      await reader.readStream(id, { toRevision: 1n });
      await reader.readStream(id, { direction: 'backwards', maxCount: 1 });
      await reader.append(id, newEvents(1), { expectedRevision: 2n });
      expect(locking()).toBe(1);
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('a read of the tail after a known revision teaches the head as a whole read does', async () => {
    const id = uniqueStream();
    const writer = new PostgresEventStore({ url: subject.db.url });
    const reader = new PostgresEventStore({ url: subject.db.url });
    try {
      await writer.append(id, newEvents(3), { expectedRevision: 'no_stream' });
      const locking = countLockingAppends(reader);
      expect((await reader.readStream(id, { fromRevision: 1n })).map((e) => e.revision)).toEqual([1n, 2n]);
      await reader.append(id, newEvents(1), { expectedRevision: 2n });
      expect(locking()).toBe(0);
      expect(await writer.verify({ streamId: id })).toMatchObject({ ok: true, events: 4 });
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('a retry says it wrote nothing (alreadyWritten), a first append does not', async () => {
    const id = uniqueStream();
    const events = newEvents(2);
    const first = await subject.store.append(id, events, { expectedRevision: 'no_stream' });
    expect(first.alreadyWritten).toBeUndefined();
    expect(await subject.store.append(id, events, { expectedRevision: 'no_stream' })).toEqual({ ...first, alreadyWritten: true });
  });

  it('an event id of another stream is an EventIdInUseError naming that stream, and nothing is written', async () => {
    const a = uniqueStream();
    const b = uniqueStream();
    const [event] = newEvents(1);
    await subject.store.append(a, [event!], { expectedRevision: 'no_stream' });
    const error = await subject.store.append(b, [event!], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventIdInUseError);
    expect(error).toMatchObject({ eventId: event!.id, usedBy: a, streamId: b });
    expect(await subject.store.readStream(b)).toEqual([]);
    expect(await subject.store.streamRevision(b)).toBeUndefined();
  });
});
