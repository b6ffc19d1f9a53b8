import request from 'supertest';
import { actors } from '../support/actors';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { adopt, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

/** A recommendation with an accepted hand-off and an indicator, so measurements can be recorded again and again. */
async function measurable(t: TestApp, f: RegionFixture) {
  const id = await adopt(t.url, f);
  const path = `${f.base}/recommendations/${id}`;
  const member = actors.committee(f.committeeId);
  await request(t.url).post(`${path}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Messen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
  await request(t.url).post(`${path}/hand-offs/${f.committeeId}/acceptance`).set(member).send({ on: '2026-05-04' }).expect(201);
  const indicator = await request(t.url)
    .post(`${path}/indicators`)
    .set(member)
    .send({ committeeId: f.committeeId, name: 'Quote', unit: 'Prozent', direction: 'increase', baseline: { value: 1, on: '2025-01-01' }, target: { value: 2, dueOn: '2028-01-01' }, source: 'Statistik' })
    .expect(201);
  const indicatorId: string = indicator.body.events[0].data.indicatorId;
  const measure = (value: number, headers: Record<string, string> = {}) =>
    request(t.url)
      .post(`${path}/indicators/${indicatorId}/measurements`)
      .set({ ...member, ...headers })
      .send({ committeeId: f.committeeId, value, measuredOn: '2026-07-31', source: 'Statistik' });
  return { id, path, streamId: `recommendation-${id}`, measure };
}

describe('optimistic concurrency over HTTP', () => {
  let t: TestApp;
  let f: RegionFixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  it('If-Match with the current revision writes, expecting exactly that revision', async () => {
    const r = await measurable(t, f);
    const current = await request(t.url).get(r.path).set(actors.auditor()).expect(200);
    const res = await r.measure(1, { 'If-Match': current.headers.etag }).expect(201);
    expect(res.headers.etag).toBe(`"${current.body.revision + 1}"`);
  });

  it('a stale If-Match is 412 naming the current revision, and nothing is written', async () => {
    const r = await measurable(t, f);
    const before = await eventLogSnapshot(t.app);
    const res = await r.measure(5, { 'If-Match': '"1"' }).expect(412);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 412, code: 'concurrency.stale-revision', currentRevision: 3, expectedRevision: 1 });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('a malformed If-Match is 400, not a guess', async () => {
    const r = await measurable(t, f);
    const res = await r.measure(5, { 'If-Match': 'drei' }).expect(400);
    expect(res.body.code).toBe('if-match.invalid');
  });

  it('concurrent writers with the same If-Match: exactly one wins, every other gets 412', async () => {
    const r = await measurable(t, f);
    const revision = Number((await request(t.url).get(r.path).set(actors.auditor())).body.revision);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => r.measure(10 + i, { 'If-Match': `"${revision}"` })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 412, 412, 412, 412, 412, 412, 412]);
    const events = await eventStoreOf(t.app).readStream(r.streamId);
    expect(events).toHaveLength(revision + 2);
  });

  it('concurrent writers without If-Match: no lost update; a write that raced another is 409 and wrote nothing', async () => {
    const r = await measurable(t, f);
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
