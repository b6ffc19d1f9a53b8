import request from 'supertest';
import { actors } from '../support/actors';
import { bearer } from '../support/auth';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { adopt, adoptionBody, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

/** The same token with another role in its payload and the old signature. */
const forgeRole = (token: string, role: string) => {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  return [header, Buffer.from(JSON.stringify({ ...claims, role })).toString('base64url'), signature].join('.');
};

describe('who may act, and where', () => {
  let t: TestApp;
  let f: RegionFixture;
  let other: RegionFixture;
  let recommendationId: string;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
    other = await setUpRegion(t.url);
    recommendationId = await adopt(t.url, f);
  });
  afterAll(() => t.close());

  const handOff = (base: string, headers: Record<string, string>, committeeId = f.committeeId) =>
    request(t.url).post(`${base}/recommendations/${recommendationId}/hand-offs`).set(headers).send({ committeeId, mandate: 'Prüfen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' });

  // Who acts comes only from a verified bearer token (apps/api/src/auth); the former X-Actor-* headers count for nothing.
  it.each([
    ['no token at all', async () => ({}), 'auth.required'],
    ['only the former X-Actor headers', async () => ({ 'X-Actor-Id': 'x', 'X-Actor-Role': 'office' }), 'auth.required'],
    ['a non-bearer Authorization header', async () => ({ Authorization: 'Basic eDp5' }), 'auth.token-invalid'],
    ['an expired token', async () => bearer('steering', { regionIds: [f.regionId], ttlSeconds: -5 }), 'auth.token-expired'],
    ['a token with a forged role', async () => ({ Authorization: `Bearer ${forgeRole(actors.auditor().Authorization!.slice(7), 'steering')}` }), 'auth.token-invalid'],
  ] as [string, () => Promise<Record<string, string>>, string][])('%s: 401 problem+json, nothing written', async (_, headers, code) => {
    const before = await eventLogSnapshot(t.app);
    const res = await handOff(f.base, await headers()).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('reads need an actor too', async () => {
    await request(t.url).get(`${f.base}/recommendations/${recommendationId}`).expect(401);
  });

  it('a role the permission table does not list is 403 with a code (the auditor never writes)', async () => {
    const before = await eventLogSnapshot(t.app);
    const auditor = await handOff(f.base, actors.auditor()).expect(403);
    expect(auditor.body).toMatchObject({ status: 403, code: 'permission.role' });
    const office = await handOff(f.base, actors.office()).expect(403);
    expect(office.body.code).toBe('permission.role');
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('a committee member acts only for its own committees (403)', async () => {
    await handOff(f.base, actors.steering()).expect(201);
    const res = await request(t.url)
      .post(`${f.base}/recommendations/${recommendationId}/hand-offs/${f.committeeId}/acceptance`)
      .set(actors.committee(f.otherCommitteeId))
      .send({ on: '2026-05-04' })
      .expect(403);
    expect(res.body.code).toBe('permission.committee');
  });

  it('an aggregate of another region is 404 under this region, for reads and writes alike', async () => {
    const before = await eventLogSnapshot(t.app);
    await request(t.url).get(`${other.base}/recommendations/${recommendationId}`).set(actors.auditor()).expect(404);
    await request(t.url).get(`${other.base}/committees/${f.committeeId}`).set(actors.auditor()).expect(404);
    await request(t.url).get(`${other.base}/conferences/${f.conferenceId}`).set(actors.auditor()).expect(404);
    const write = await handOff(other.base, actors.steering(), other.committeeId).expect(404);
    expect(write.body).toMatchObject({ status: 404, code: 'recommendation.not-adopted' });
    // A committee of another region cannot receive a hand-off here…
    const foreign = await handOff(f.base, actors.steering(), other.committeeId).expect(404);
    expect(foreign.body.code).toBe('handoff.committee-unknown');
    // …nor be named as addressee or originating committee, at adoption or by a correction.
    const addressed = await request(t.url).post(`${f.base}/recommendations`).set(actors.office()).send(adoptionBody(f.conferenceId, [f.committeeId, other.committeeId])).expect(404);
    expect(addressed.body).toMatchObject({ code: 'adoption.committee-foreign', details: { committeeIds: [other.committeeId] } });
    const origin = await request(t.url).post(`${f.base}/recommendations`).set(actors.office()).send({ ...adoptionBody(f.conferenceId, [f.committeeId]), originCommitteeIds: [other.committeeId] }).expect(404);
    expect(origin.body.code).toBe('adoption.committee-foreign');
    const [adoption] = await eventStoreOf(t.app).readStream(`recommendation-${recommendationId}`);
    const corrected = await request(t.url)
      .post(`${f.base}/recommendations/${recommendationId}/corrections`)
      .set(actors.office())
      .send({ correctsEventId: adoption!.id, correctedFields: { addressees: { committeeIds: [other.committeeId], decisionMakers: [] } }, reason: 'Adressat' })
      .expect(404);
    expect(corrected.body.code).toBe('adoption.committee-foreign');
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it("a committee records no measurement on another committee's indicator, nor does the office for it (409, nothing written)", async () => {
    const id = await adopt(t.url, f);
    const rec = `${f.base}/recommendations/${id}`;
    const post = (path: string, body: object, headers: Record<string, string>) => request(t.url).post(`${rec}${path}`).set(headers).send(body);
    for (const committeeId of [f.committeeId, f.otherCommitteeId]) {
      await post('/hand-offs', { committeeId, mandate: 'Prüfen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }, actors.steering()).expect(201);
      await post(`/hand-offs/${committeeId}/acceptance`, { on: '2026-05-04' }, actors.committee(committeeId)).expect(201);
    }
    const defined = await post(
      '/indicators',
      { committeeId: f.committeeId, name: 'Übergangsquote', unit: 'Prozent', direction: 'increase', baseline: { value: 40, on: '2025-07-31' }, target: { value: 60, dueOn: '2028-07-31' }, source: 'Schulstatistik' },
      actors.committee(f.committeeId),
    ).expect(201);
    const indicatorId = defined.body.events[0].data.indicatorId as string;
    const measurement = (committeeId: string) => ({ committeeId, value: 47, measuredOn: '2026-07-31', source: 'Schulstatistik' });

    const before = await eventLogSnapshot(t.app);
    for (const headers of [actors.committee(f.otherCommitteeId), actors.committee(f.committeeId, f.otherCommitteeId), actors.office()]) {
      const res = await post(`/indicators/${indicatorId}/measurements`, measurement(f.otherCommitteeId), headers).expect(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 409, code: 'measurement.not-indicator-owner', details: { owner: f.committeeId, committeeId: f.otherCommitteeId } });
    }
    expect(await eventLogSnapshot(t.app)).toEqual(before);

    await post(`/indicators/${indicatorId}/measurements`, measurement(f.committeeId), actors.committee(f.committeeId)).expect(201);
    const byOffice = await post(`/indicators/${indicatorId}/measurements`, { ...measurement(f.committeeId), measuredOn: '2026-08-31' }, actors.office()).expect(201);
    expect(byOffice.body.events[0].data).toMatchObject({ committeeId: f.committeeId, indicatorId });
  });

  it('an unknown region is 404 to an account naming it, and 403 to everyone else', async () => {
    const unknown = '6f1c5a3e-4d2b-4c8a-9e7f-0b1d2c3e4f5a';
    const named = await bearer('office', { regionIds: [unknown] });
    const res = await request(t.url).post(`/api/regions/${unknown}/committees`).set(named).send({ name: 'X', shortName: 'X', kind: 'extern', fieldsOfAction: [] }).expect(404);
    expect(res.body.code).toBe('region.unknown');
    await request(t.url).get(`/api/regions/${unknown}`).set(await bearer('auditor', { regionIds: [unknown] })).expect(404);
    const elsewhere = await request(t.url).get(`/api/regions/${unknown}`).set(actors.auditor()).expect(403);
    expect(elsewhere.body.code).toBe('permission.region');
  });
});
