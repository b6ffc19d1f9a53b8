import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actors } from '../support/actors';
import { setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

describe('committee contact addresses for reminders', () => {
  let t: TestApp;
  let f: RegionFixture;
  const path = () => `${f.base}/committees/${f.committeeId}/contacts`;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  it('starts empty, stores the list as given (addresses lower-cased, duplicates once) and replaces it as a whole', async () => {
    expect((await request(t.url).get(path()).set(actors.steering()).expect(200)).body).toEqual({ contacts: [], updatedAt: null });
    const saved = await request(t.url)
      .put(path())
      .set(actors.office())
      .send({ contacts: [{ name: 'Frau Vorsitz', email: 'Vorsitz@Gremium.example' }, { name: 'Doppelt', email: 'vorsitz@gremium.example' }, { name: 'Geschäftsstelle', email: 'gs@gremium.example' }] })
      .expect(200);
    expect(saved.body.contacts).toEqual([{ name: 'Doppelt', email: 'vorsitz@gremium.example' }, { name: 'Geschäftsstelle', email: 'gs@gremium.example' }]);
    await request(t.url).put(path()).set(actors.office()).send({ contacts: [] }).expect(200);
    expect((await request(t.url).get(path()).set(actors.office()).expect(200)).body.contacts).toEqual([]);
  });

  it.each([
    ['an address that is none', { contacts: [{ name: 'X', email: 'kein-at-zeichen' }] }],
    ['a missing name', { contacts: [{ email: 'a@b.example' }] }],
    ['an unknown field', { contacts: [{ name: 'X', email: 'a@b.example', role: 'chef' }] }],
    ['not a list', { contacts: 'a@b.example' }],
    ['a list of lists', { contacts: [[[]]] }],
    ['a list of texts', { contacts: ['a@b.example'] }],
    ['a list with null', { contacts: [null] }],
    ['eleven contacts', { contacts: Array.from({ length: 11 }, (_, i) => ({ name: `P${i}`, email: `p${i}@b.example` })) }],
  ])('refuses %s with 400 and keeps the stored list', async (_, body) => {
    await request(t.url).put(path()).set(actors.office()).send({ contacts: [{ name: 'Bleibt', email: 'bleibt@gremium.example' }] }).expect(200);
    const res = await request(t.url).put(path()).set(actors.office()).send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await request(t.url).get(path()).set(actors.office()).expect(200)).body.contacts).toEqual([{ name: 'Bleibt', email: 'bleibt@gremium.example' }]);
  });

  it('answers 404 for a committee unknown in the region, writing nothing', async () => {
    const res = await request(t.url).put(`${f.base}/committees/${randomUUID()}/contacts`).set(actors.office()).send({ contacts: [] });
    expect(res.status).toBe(404);
  });
});
