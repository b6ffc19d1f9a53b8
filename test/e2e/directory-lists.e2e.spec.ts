import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actors } from '../support/actors';
import { bearer } from '../support/auth';
import { adopt, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * GET …/conferences and …/committees, the lists the forms' pickers read: filters, keyset pages
 * with a total, region isolation, and a 400 naming the parameter for every bad value.
 */
describe('conference and committee lists', () => {
  let t: TestApp;
  let f: RegionFixture;
  let other: RegionFixture;
  let plannedId: string;
  let thirdCommitteeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
    other = await setUpRegion(t.url);
    // 9. BK held and with one recommendation; 10. BK planned, with none; an 11. planned far ahead.
    await request(t.url).post(`${f.base}/conferences/${f.conferenceId}/held`).set(actors.office()).send({ heldOn: '2026-03-12' }).expect(201);
    await adopt(t.url, f);
    plannedId = (
      await request(t.url)
        .post(`${f.base}/conferences`)
        .set(actors.office())
        .send({ number: 11, kind: 'tag_der_bildung', title: 'Tag der Bildung 2027', date: '2027-05-06', topics: [] })
        .expect(201)
    ).body.id;
    thirdCommitteeId = (
      await request(t.url)
        .post(`${f.base}/committees`)
        .set(actors.office())
        .send({ name: 'Arbeitskreis Ärztliche Versorgung', shortName: 'AK ÄV', kind: 'extern', fieldsOfAction: [] })
        .expect(201)
    ).body.id;
    await request(t.url).post(`${f.base}/committees/${f.otherCommitteeId}/dissolution`).set(actors.office()).send({ dissolvedOn: '2026-06-30' }).expect(201);
  });
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string | number> = {}) => request(t.url).get(path).query(query).set(actors.auditor());

  it('lists every conference of the region by date, planned ones without recommendations included', async () => {
    const res = await get(`${f.base}/conferences`).expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((c: { label: string; status: string; recommendationCount: number }) => [c.label, c.status, c.recommendationCount])).toEqual([
      ['9. Bildungskonferenz', 'held', 1],
      ['10. Bildungskonferenz', 'planned', 0],
      ['11. Tag der Bildung', 'planned', 0],
    ]);
    expect(res.body.items[0]).toEqual({
      conferenceId: f.conferenceId,
      number: 9,
      kind: 'bildungskonferenz',
      label: '9. Bildungskonferenz',
      title: '9. Bildungskonferenz',
      motto: null,
      date: '2026-03-12',
      heldOn: '2026-03-12',
      status: 'held',
      topics: ['Übergang Schule/Beruf'],
      recommendationCount: 1,
    });
  });

  it('filters conferences by status planned / held', async () => {
    const planned = await get(`${f.base}/conferences`, { status: 'planned' }).expect(200);
    expect(planned.body.items.map((c: { conferenceId: string }) => c.conferenceId)).toEqual([f.laterConferenceId, plannedId]);
    expect(planned.body.total).toBe(2);
    const held = await get(`${f.base}/conferences`, { status: 'held' }).expect(200);
    expect(held.body.items.map((c: { conferenceId: string }) => c.conferenceId)).toEqual([f.conferenceId]);
  });

  it('pages conferences with a cursor; the total stays the whole count', async () => {
    const first = await get(`${f.base}/conferences`, { limit: 2 }).expect(200);
    expect(first.body.items.map((c: { number: number }) => c.number)).toEqual([9, 10]);
    expect(first.body.total).toBe(3);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await get(`${f.base}/conferences`, { limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items.map((c: { number: number }) => c.number)).toEqual([11]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.total).toBe(3);
  });

  it('lists committees in German name order with their status, and filters active / dissolved', async () => {
    const all = await get(`${f.base}/committees`).expect(200);
    expect(all.body.items.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['Arbeitskreis Ärztliche Versorgung', 'active'],
      ['Fachgremium Übergang Schule/Beruf', 'active'],
      ['Schulausschuss', 'dissolved'],
    ]);
    expect(all.body.items[2]).toEqual({
      committeeId: f.otherCommitteeId,
      name: 'Schulausschuss',
      shortName: 'SchA',
      kind: 'ausschuss',
      fieldsOfAction: ['Inklusion'],
      status: 'dissolved',
      dissolvedOn: '2026-06-30',
      successorCommitteeId: null,
    });
    const active = await get(`${f.base}/committees`, { status: 'active' }).expect(200);
    expect(active.body.items.map((c: { committeeId: string }) => c.committeeId)).toEqual([thirdCommitteeId, f.committeeId]);
    expect(active.body.total).toBe(2);
    const dissolved = await get(`${f.base}/committees`, { status: 'dissolved' }).expect(200);
    expect(dissolved.body.items.map((c: { committeeId: string }) => c.committeeId)).toEqual([f.otherCommitteeId]);
    const paged = await get(`${f.base}/committees`, { limit: 1 }).expect(200);
    const next = await get(`${f.base}/committees`, { limit: 1, cursor: paged.body.nextCursor }).expect(200);
    expect(next.body.items.map((c: { name: string }) => c.name)).toEqual(['Fachgremium Übergang Schule/Beruf']);
  });

  it('shows only the region’s own: the other region lists its own two, and a foreign token is refused', async () => {
    const conferences = await get(`${other.base}/conferences`).expect(200);
    expect(conferences.body.items.map((c: { conferenceId: string }) => c.conferenceId)).toEqual([other.conferenceId, other.laterConferenceId]);
    const committees = await get(`${other.base}/committees`).expect(200);
    expect(committees.body.total).toBe(2);
    expect(committees.body.items.map((c: { committeeId: string }) => c.committeeId).sort()).toEqual([other.committeeId, other.otherCommitteeId].sort());
    const stranger = await bearer('office', { regionIds: [other.regionId] });
    await request(t.url).get(`${f.base}/conferences`).set(stranger).expect(403);
    await request(t.url).get(`${f.base}/committees`).set(stranger).expect(403);
    await request(t.url).get(`${f.base}/committees`).expect(401);
  });

  it('answers 404 for an unknown region the caller may act in', async () => {
    const regionId = randomUUID();
    const res = await request(t.url).get(`/api/regions/${regionId}/committees`).set(await bearer('auditor', { regionIds: [regionId] })).expect(404);
    expect(res.body.code).toBe('region.unknown');
  });

  it.each([
    ['conferences', { status: 'abgehalten' }, 'status', 'Muss einer dieser Werte sein: planned, held.'],
    ['committees', { status: 'aufgeloest' }, 'status', 'Muss einer dieser Werte sein: active, dissolved.'],
    ['committees', { limit: 201 }, 'limit', 'Muss eine ganze Zahl von 1 bis 200 sein.'],
    ['conferences', { limit: 0 }, 'limit', 'Muss eine ganze Zahl von 1 bis 200 sein.'],
    ['conferences', { cursor: 'kaputt' }, 'cursor', 'cursor ist ungültig.'],
    ['committees', { sort: 'name' }, 'sort', 'Unbekannter Parameter: sort ist nicht erlaubt.'],
  ])('GET …/%s with %j is a 400 naming %s', async (list, query, field, message) => {
    const res = await get(`${f.base}/${list}`, query as Record<string, string>).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field, message }]);
  });

  it('is documented in OpenAPI with its filters and paging', async () => {
    const doc = (await request(t.url).get('/api/docs-json').expect(200)).body;
    for (const [path, statuses] of [
      ['/api/regions/{regionId}/conferences', ['planned', 'held']],
      ['/api/regions/{regionId}/committees', ['active', 'dissolved']],
    ] as const) {
      const op = doc.paths[path].get;
      const params = Object.fromEntries((op.parameters as { name: string; schema?: { enum?: string[] } }[]).map((p) => [p.name, p]));
      expect(Object.keys(params).sort()).toEqual(['cursor', 'limit', 'regionId', 'status']);
      expect(params.status.schema?.enum).toEqual(statuses);
      expect(op.responses['200'].content['application/json'].schema.$ref).toMatch(/ListResultDto$/);
      expect(op.responses['400']).toBeDefined();
    }
  });
});
