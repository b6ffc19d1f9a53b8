import { Logger } from '@nestjs/common';
import { jest } from '@jest/globals';
import request from 'supertest';
import { actors } from '../support/actors';
import { bearer, tokenFor } from '../support/auth';
import { setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

describe('hardening: headers, CORS, body limit, write rate limit, logs', () => {
  let t: TestApp;
  let f: RegionFixture;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://radar.example.de', BODY_LIMIT: '4kb', RATE_LIMIT_WRITES_PER_MINUTE: '40' });
    f = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  it('sends security headers and no X-Powered-By', async () => {
    const res = await request(t.url).get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers every logged-in request with Cache-Control: no-store: reads, writes and refusals alike', async () => {
    const answers = [
      await request(t.url).get(f.base).set(actors.auditor()).expect(200),
      await request(t.url).get(`${f.base}/committees/${f.committeeId}`).set(actors.auditor()).expect(200),
      await request(t.url).post(`${f.base}/committees`).set(actors.office()).send({ name: 'AG Ganztag', shortName: 'AG GT', kind: 'extern', fieldsOfAction: [] }).expect(201),
      await request(t.url).post(`${f.base}/committees`).set(actors.auditor()).send({ name: 'AG Ganztag', shortName: 'AG GT', kind: 'extern', fieldsOfAction: [] }).expect(403),
      await request(t.url).get(`${f.base}/recommendations/6f1c5a3e-4d2b-4c8a-9e7f-0b1d2c3e4f5a`).set(actors.auditor()).expect(404),
    ];
    expect(answers.map((res) => [res.status, res.headers['cache-control']])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [201, 'no-store'],
      [403, 'no-store'],
      [404, 'no-store'],
    ]);
    expect(answers[0]!.headers['content-type']).toMatch(/^application\/json/);
  });

  it('allows cross-origin calls only from the configured origins', async () => {
    const allowed = await request(t.url)
      .options(`${f.base}/conferences`)
      .set({ Origin: 'https://radar.example.de', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,if-match' })
      .expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://radar.example.de');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const foreign = await request(t.url).get('/api/health').set({ Origin: 'https://boese.example.com' });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body above BODY_LIMIT with 413 problem+json, before any handler runs', async () => {
    const res = await request(t.url)
      .post(`${f.base}/committees`)
      .set(actors.office())
      .send({ name: 'x'.repeat(5000), shortName: 'X', kind: 'extern', fieldsOfAction: [] })
      .expect(413);
    expect(res.body).toMatchObject({ status: 413, code: 'payload-too-large' });
  });

  it('limits writes per user, not per address, with 429 and Retry-After', async () => {
    const flood = await bearer('office', { regionIds: [f.regionId], userId: 'flut' });
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 45 && last !== 429; i++) {
      const res = await request(t.url).post(`${f.base}/conferences`).set(flood).send({});
      last = res.status;
      retryAfter = res.headers['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another user from the same address still writes; reads are not counted.
    await request(t.url).post(`${f.base}/conferences`).set(await bearer('office', { regionIds: [f.regionId], userId: 'andere' })).send({}).expect(400);
    await request(t.url).get(f.base).set(flood).expect(200);
  });

  it('logs permission denials with the user id, never a token or password', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const token = await tokenFor('steering', { regionIds: [f.regionId], userId: 'lk.verweigert' });
      await request(t.url).post(`${f.base}/conferences`).set('Authorization', `Bearer ${token}`).send({}).expect(403);
      const forged = `${token.slice(0, -4)}AAAA`;
      await request(t.url).get(f.base).set('Authorization', `Bearer ${forged}`).expect(401);
      const lines = warn.mock.calls.map((c) => String(c[0])).join('\n');
      expect(lines).toMatch(/lk\.verweigert \(steering\) POST \/api\/regions\/:regionId\/conferences/);
      expect(lines).toMatch(/Token abgelehnt \(auth\.token-invalid\)/);
      expect(lines).not.toContain(token.split('.')[2]);
      expect(lines).not.toContain(forged.split('.')[1]);
    } finally {
      warn.mockRestore();
    }
  });
});
