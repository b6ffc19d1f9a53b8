import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

describe('health and error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness', async () => {
    const res = await request(t.url).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports the database as reachable when ready', async () => {
    const res = await request(t.url).get('/api/health/ready').expect(200);
    expect(res.body.details.database.status).toBe('up');
  });

  it('answers an unknown path with problem+json in German', async () => {
    const res = await request(t.url).get('/api/gibt-es-nicht').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Nicht gefunden' });
    expect(res.body.detail).toContain('/api/gibt-es-nicht');
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(t.url).get('/api/docs-json').expect(200);
    expect(res.body.info.title).toBe('Empfehlungsradar');
  });
});
