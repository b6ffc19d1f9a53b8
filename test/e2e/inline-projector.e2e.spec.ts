import { Client } from 'pg';
import request from 'supertest';
import { setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scraper-token-of-this-suite';

/** The product's default: the projector runs inside the API and readiness reports its lag. */
describe('API with the inline projector (PROJECTOR=inline)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PROJECTOR: 'inline', METRICS_TOKEN });
  });
  afterAll(() => t.close());

  async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('projects what the write API records and reports no lag once caught up', async () => {
    const fixture = await setUpRegion(t.url);
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      const committees = await until(async () => {
        const { rows } = await db.query('SELECT count(*)::int AS n FROM read_model.committees WHERE region_id = $1', [fixture.regionId]);
        return rows[0].n === 2 ? rows[0].n : undefined;
      }, 'the two committees in the read model');
      expect(committees).toBe(2);
    } finally {
      await db.end();
    }
    const ready = await until(async () => {
      const res = await request(t.url).get('/api/health/ready');
      return res.status === 200 && res.body.details.projector.lagEvents === 0 ? res.body : undefined;
    }, 'readiness with zero lag');
    expect(ready.details).toMatchObject({ database: { status: 'up' }, projector: { status: 'up', lagEvents: 0 } });
    const metrics = await request(t.url).get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toMatch(/^projector_lag_events 0$/m);
  });
});
