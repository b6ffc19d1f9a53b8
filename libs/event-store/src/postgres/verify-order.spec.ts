import { createTestDatabase } from '@app/testing';
import { Client } from 'pg';
import type { VerifyReport } from '../event-store';
import { newEvents, uniqueStream } from '../contract/support';
import { migratedStore } from './test-store';

/**
 * verify reads all stream heads in one query after the walk; these pin down that the report is still
 * the one a per-stream head check would give: a head break counts at the end of its stream, so it
 * precedes any break in a later stream and follows any break earlier in the walk.
 */
describe('PostgreSQL event store: verify reports the first break in (stream, revision) order', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  let sql: Client;
  beforeEach(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_verify_order');
    sql = new Client({ connectionString: subject.db.url });
    await sql.connect();
  });
  afterEach(async () => {
    await sql.end();
    await subject.dispose();
  });

  const behindTheApplication = async (statement: string, values: unknown[]) => {
    await sql.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
    await sql.query(statement, values);
    await sql.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
  };
  const hashOf = async (eventId: string) => (await sql.query(`SELECT encode(hash, 'hex') AS h FROM event_store.events WHERE event_id = $1`, [eventId])).rows[0].h as string;
  const headOf = async (streamId: string) => (await sql.query(`SELECT encode(head_hash, 'hex') AS h FROM event_store.streams WHERE stream_id = $1`, [streamId])).rows[0].h as string;
  const brokenOf = (report: VerifyReport) => {
    if (report.ok) throw new Error('expected a break');
    return report;
  };

  it('a removed last event in an earlier stream is named before an edited event in a later stream', async () => {
    const a = uniqueStream('order-a');
    const b = uniqueStream('order-b');
    await subject.store.append(a, newEvents(4), { expectedRevision: 'no_stream' });
    await subject.store.append(b, newEvents(3), { expectedRevision: 'no_stream' });
    const [ea, eb] = [await subject.store.readStream(a), await subject.store.readStream(b)];
    const head = await headOf(a);
    await behindTheApplication(`DELETE FROM event_store.events WHERE event_id = $1`, [ea[3].id]);
    await behindTheApplication(`UPDATE event_store.events SET data = '{"i": 99}' WHERE event_id = $1`, [eb[1].id]);

    const report = brokenOf(await subject.store.verify());
    expect(report).toMatchObject({ streams: 1, events: 3 });
    expect(report.firstBroken).toEqual({
      streamId: a,
      revision: 2n,
      eventId: ea[2].id,
      position: ea[2].position,
      expectedHash: head,
      storedHash: await hashOf(ea[2].id),
    });
  });

  it('an edited event in an earlier stream is named before a removed last event in a later stream', async () => {
    const a = uniqueStream('order-a');
    const b = uniqueStream('order-b');
    await subject.store.append(a, newEvents(4), { expectedRevision: 'no_stream' });
    await subject.store.append(b, newEvents(3), { expectedRevision: 'no_stream' });
    const [ea, eb] = [await subject.store.readStream(a), await subject.store.readStream(b)];
    await behindTheApplication(`UPDATE event_store.events SET data = '{"i": 99}' WHERE event_id = $1`, [ea[2].id]);
    await behindTheApplication(`DELETE FROM event_store.events WHERE event_id = $1`, [eb[2].id]);

    const report = brokenOf(await subject.store.verify());
    expect(report).toMatchObject({ streams: 1, events: 2, firstBroken: { streamId: a, revision: 2n, eventId: ea[2].id, position: ea[2].position, storedHash: await hashOf(ea[2].id) } });
    expect(report.firstBroken.expectedHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a stream whose head row is gone is named on its last event, with an empty expected hash', async () => {
    const a = uniqueStream('order-a');
    await subject.store.append(a, newEvents(2), { expectedRevision: 'no_stream' });
    await subject.store.append(uniqueStream('order-b'), newEvents(2), { expectedRevision: 'no_stream' });
    const ea = await subject.store.readStream(a);
    await sql.query(`DELETE FROM event_store.streams WHERE stream_id = $1`, [a]);
    expect(await subject.store.verify()).toMatchObject({ ok: false, streams: 1, events: 2, firstBroken: { streamId: a, eventId: ea[1].id, expectedHash: '', storedHash: await hashOf(ea[1].id) } });
  });

  it('walks across page boundaries: OK with every head, then a head break on the stream that spans two pages', async () => {
    const a = uniqueStream('order-a');
    const b = uniqueStream('order-b');
    // 4,999 + 3 rows: b's first event ends the first page of 5,000, the rest starts the second.
    await subject.store.append(a, newEvents(4999), { expectedRevision: 'no_stream' });
    await subject.store.append(b, newEvents(3), { expectedRevision: 'no_stream' });
    const ok = await subject.store.verify();
    expect(ok).toEqual({ ok: true, streams: 2, events: 5002, heads: { [a]: await headOf(a), [b]: await headOf(b) } });

    const eb = await subject.store.readStream(b);
    await behindTheApplication(`DELETE FROM event_store.events WHERE event_id = $1`, [eb[2].id]);
    expect(await subject.store.verify()).toMatchObject({ ok: false, streams: 2, events: 5001, firstBroken: { streamId: b, revision: 1n, eventId: eb[1].id } });
  });
});
