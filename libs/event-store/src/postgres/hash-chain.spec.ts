import { createTestDatabase } from '@app/testing';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { newEvents, uniqueStream } from '../contract/support';
import { canonicalEvent } from '../chain-hash';
import { migratedStore } from './test-store';

const tricky = [
  { nested: { deeper: { list: [1, { z: 1, a: [null, true] }], empty: [] } }, b: 2, a: 1 },
  { text: 'Grüße aus Köln: „Empfehlung" – 👩‍🏫 日本 \u00e9 vs e\u0301, tab\t, quote " and \\ backslash', '€': 'key with unicode', 'é': 1, e: 2 },
  { numbers: [0, -0, 1.5, -2.25e-7, 1e21, 123456789012345680000, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 5e-324, 1.7976931348623157e308] },
  { date: new Date('2026-01-02T03:04:05.678Z'), undefinedMember: undefined, arr: [undefined, 1] },
  'a plain string',
  42,
  null,
];

describe('PostgreSQL event store: hash chain', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  let sql: Client;
  beforeAll(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_hash');
    sql = new Client({ connectionString: subject.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await subject.dispose();
  });

  it('stores sha256(previous ‖ canonical event), the first with an empty previous hash', async () => {
    const id = uniqueStream();
    await subject.store.append(id, newEvents(2), { expectedRevision: 'no_stream' });
    const [first, second] = await subject.store.readStream(id);
    const { rows } = await sql.query(`SELECT hash FROM event_store.events WHERE stream_id = $1 ORDER BY revision`, [id]);
    const fields = (e: typeof first) => ({ streamId: id, revision: e.revision, eventId: e.id, type: e.type, data: e.data, metadata: e.metadata, recordedAt: e.recordedAt });
    const h0 = createHash('sha256').update(canonicalEvent(fields(first))).digest();
    const h1 = createHash('sha256').update(h0).update(canonicalEvent(fields(second))).digest();
    expect(rows[0].hash.equals(h0)).toBe(true);
    expect(rows[1].hash.equals(h1)).toBe(true);
  });

  it('what jsonb hands back canonicalises exactly as what was hashed: nesting, unicode, numbers, dates', async () => {
    const id = uniqueStream('tricky');
    const events = tricky.map((data, i) => ({ ...newEvents(1)[0], data, metadata: { i, note: 'ü', nested: { k: [i] } } }));
    await subject.store.append(id, events.slice(0, 3), { expectedRevision: 'no_stream' });
    await subject.store.append(id, events.slice(3), { expectedRevision: 2n });
    const report = await subject.store.verify({ streamId: id });
    expect(report).toMatchObject({ ok: true, streams: 1, events: tricky.length });
    const read = await subject.store.readStream(id);
    expect(read[3].data).toEqual({ date: '2026-01-02T03:04:05.678Z', arr: [null, 1] });
  });

  it('verify reports counts and every stream head when nothing was touched', async () => {
    const report = await subject.store.verify();
    if (!report.ok) throw new Error(`unexpected break ${JSON.stringify(report.firstBroken, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
    const { rows } = await sql.query(`SELECT stream_id, encode(head_hash, 'hex') AS head, (SELECT count(*)::int FROM event_store.events) AS n FROM event_store.streams`);
    expect(report.events).toBe(rows[0].n);
    expect(report.streams).toBe(rows.length);
    expect(report.heads).toEqual(Object.fromEntries(rows.map((r) => [r.stream_id, r.head])));
  });

  describe('tampering behind the application', () => {
    let target: string;
    let victim: { id: string; position: bigint; revision: bigint };
    let storedHash: string;
    beforeAll(async () => {
      target = uniqueStream('victim');
      await subject.store.append(target, newEvents(5), { expectedRevision: 'no_stream' });
      await subject.store.append(uniqueStream('bystander'), newEvents(3), { expectedRevision: 'no_stream' });
      const events = await subject.store.readStream(target);
      victim = { id: events[2].id, position: events[2].position, revision: events[2].revision };
      const { rows } = await sql.query(`SELECT encode(hash, 'hex') AS h FROM event_store.events WHERE event_id = $1`, [victim.id]);
      storedHash = rows[0].h;
      await sql.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
      await sql.query(`UPDATE event_store.events SET data = jsonb_set(data, '{i}', '99') WHERE event_id = $1`, [victim.id]);
      await sql.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
    });

    it('verify names exactly the edited event', async () => {
      const report = await subject.store.verify();
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.firstBroken).toMatchObject({ streamId: target, revision: victim.revision, eventId: victim.id, position: victim.position, storedHash });
      expect(report.firstBroken.expectedHash).not.toBe(storedHash);
      expect(report.firstBroken.expectedHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('verify of one untouched stream stays OK', async () => {
      const other = (await sql.query(`SELECT stream_id FROM event_store.streams WHERE stream_id LIKE 'bystander-%'`)).rows[0].stream_id;
      expect(await subject.store.verify({ streamId: other })).toMatchObject({ ok: true, streams: 1, events: 3 });
    });

    it('a deleted event breaks the chain at the event after it; a deleted last event breaks the head', async () => {
      const gap = uniqueStream('gap');
      await subject.store.append(gap, newEvents(4), { expectedRevision: 'no_stream' });
      const events = await subject.store.readStream(gap);
      await sql.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
      await sql.query(`DELETE FROM event_store.events WHERE event_id = ANY($1::uuid[])`, [[events[1].id, events[3].id]]);
      await sql.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      const report = await subject.store.verify({ streamId: gap });
      expect(report).toMatchObject({ ok: false, firstBroken: { eventId: events[2].id, revision: 2n } });
    });
  });
});
