import request from 'supertest';
import { actors } from '../support/actors';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { measurable as measurableIn, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

describe('optimistic concurrency over HTTP', () => {
  let t: TestApp;
  let f: RegionFixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  it('If-Match with the current revision writes, expecting exactly that revision', async () => {
    const r = await measurableIn(t.url, f);
    const current = await request(t.url).get(r.path).set(actors.auditor()).expect(200);
    const res = await r.measure(1, { 'If-Match': current.headers.etag }).expect(201);
    expect(res.headers.etag).toBe(`"${current.body.revision + 1}"`);
  });

  it('a stale If-Match is 412 naming the current revision, and nothing is written', async () => {
    const r = await measurableIn(t.url, f);
    const before = await eventLogSnapshot(t.app);
    const res = await r.measure(5, { 'If-Match': '"1"' }).expect(412);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 412, code: 'concurrency.stale-revision', currentRevision: 3, expectedRevision: 1 });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('a malformed If-Match is 400, not a guess', async () => {
    const r = await measurableIn(t.url, f);
    const res = await r.measure(5, { 'If-Match': 'drei' }).expect(400);
    expect(res.body.code).toBe('if-match.invalid');
  });

  it('concurrent writers with the same If-Match: exactly one wins, every other gets 412', async () => {
    const r = await measurableIn(t.url, f);
    const revision = Number((await request(t.url).get(r.path).set(actors.auditor())).body.revision);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => r.measure(10 + i, { 'If-Match': `"${revision}"` })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 412, 412, 412, 412, 412, 412, 412]);
    const events = await eventStoreOf(t.app).readStream(r.streamId);
    expect(events).toHaveLength(revision + 2);
  });

  it('concurrent writers without If-Match: no lost update; a write that raced another is 409 and wrote nothing', async () => {
    const r = await measurableIn(t.url, f);
    let conflicts = 0;
    // Repeat until the race actually happened at least once (it nearly always does in the first round).
    for (let round = 0; round < 10 && conflicts === 0; round++) {
      const before = (await eventStoreOf(t.app).readStream(r.streamId)).length;
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => r.measure(100 * round + i)));
      const created = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status !== 201);
      for (const a of refused) {
        expect(a.status).toBe(409);
        expect(a.body).toMatchObject({ code: 'concurrency.conflict' });
      }
      conflicts += refused.length;
      const events = await eventStoreOf(t.app).readStream(r.streamId);
      // Every 201 is in the stream, at the revision it announced; nothing else was written.
      expect(events).toHaveLength(before + created.length);
      for (const a of created) {
        const [written] = a.body.events;
        expect(events[written.revision]!.id).toBe(written.eventId);
        expect(a.headers.etag).toBe(`"${written.revision}"`);
      }
      expect(new Set(created.map((a) => a.body.revision)).size).toBe(created.length);
    }
    expect(conflicts).toBeGreaterThan(0);
  });
});
