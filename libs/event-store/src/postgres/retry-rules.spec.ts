import { createTestDatabase } from '@app/testing';
import { newEvents, uniqueStream } from '../contract/support';
import { WrongExpectedRevisionError } from '../errors';
import { migratedStore } from './test-store';

/**
 * Retry rules PostgreSQL keeps beyond the contract (docs/event-store.md, "Where the adapters
 * differ"): EventStoreDB recognises a retry with `any` only while the ids are in its cache and does
 * not check that they sit on consecutive revisions.
 */
describe('PostgreSQL event store: retry rules beyond the contract', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  beforeAll(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_retry_rules');
  });
  afterAll(() => subject.dispose());

  it('with any, ids already in the stream succeed and write nothing, however long ago', async () => {
    const id = uniqueStream();
    const events = newEvents(2);
    const first = await subject.store.append(id, events, { expectedRevision: 'any' });
    await subject.store.append(id, newEvents(1), { expectedRevision: 'any' });
    const again = await subject.store.append(id, events, { expectedRevision: 'any' });
    expect(again).toEqual({ ...first, alreadyWritten: true });
    expect(await subject.store.streamRevision(id)).toBe(2n);
  });

  it('with any, ids in the stream but not on consecutive revisions are a conflict, not a retry', async () => {
    const id = uniqueStream();
    const [a, b, c] = newEvents(3);
    await subject.store.append(id, [a, b, c], { expectedRevision: 'no_stream' });
    await expect(subject.store.append(id, [a, c], { expectedRevision: 'any' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await subject.store.streamRevision(id)).toBe(2n);
  });
});
