import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppLogger } from '../../apps/api/src/observability/app-logger';
import { actInRegion, actors } from '../support/actors';
import { startTestApp, type TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scraper-token-of-the-observability-suite';

/** pino writes each line with one write() call; the suite reads them back as JSON. */
class CapturedLog {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly raw: string[] = [];
  write(line: string): void {
    this.raw.push(line);
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
  /** The request-completed line of the request with this id. */
  requestLine(id: string) {
    return this.lines.find((l) => (l.req as { id?: string } | undefined)?.id === id && l.res !== undefined);
  }
}

describe('logs and metrics', () => {
  let t: TestApp;
  const log = new CapturedLog();
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'log', METRICS_TOKEN }, { logDestination: log });
  });
  afterAll(() => t.close());

  const register = (regionId: string, headers: Record<string, string> = {}) => {
    actInRegion(regionId);
    return request(t.url)
      .post('/api/regions')
      .set({ ...actors.office(), ...headers })
      .send({ regionId, name: 'Bildungsregion Kreis Kleve', contractSignedOn: '2012-03-01' });
  };

  it("a command's log line carries request id and correlation id, and the events carry the same correlation id", async () => {
    const res = await register(randomUUID(), { 'X-Request-Id': 'anfrage-4711', 'X-Correlation-Id': 'vorgang-0815' }).expect(201);
    expect(res.headers['x-request-id']).toBe('anfrage-4711');
    expect(res.headers['x-correlation-id']).toBe('vorgang-0815');
    expect(res.body.events[0].metadata.correlationId).toBe('vorgang-0815');
    const line = log.requestLine('anfrage-4711');
    expect(line).toMatchObject({ level: 30, correlationId: 'vorgang-0815', req: { id: 'anfrage-4711', method: 'POST', url: '/api/regions' }, res: { statusCode: 201 } });
    expect(typeof line!.responseTime).toBe('number');
    expect(typeof line!.time).toBe('string');
  });

  it('without ids from the client both are generated, answered and logged, and the events name the logged correlation id', async () => {
    const res = await register(randomUUID()).expect(201);
    const requestId = res.headers['x-request-id'] as string;
    const correlationId = res.headers['x-correlation-id'] as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationId).not.toBe(requestId);
    expect(res.body.events[0].metadata.correlationId).toBe(correlationId);
    expect(log.requestLine(requestId)).toMatchObject({ correlationId });
  });

  it('never logs a token or any header', () => {
    expect(log.raw.join('')).not.toMatch(/Bearer|authorization|eyJ/i);
  });

  it("start-up logs no line per route at LOG_LEVEL=log; the routes are counted for main.ts's summary", () => {
    expect(log.raw.join('')).not.toMatch(/Mapped \{/);
    expect(t.app.get(AppLogger).routeCount).toBeGreaterThan(40);
  });

  describe('GET /api/metrics', () => {
    const scrape = () => request(t.url).get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);

    it('answers no one without the METRICS_TOKEN: 401 anonymous, 403 with any other token, even a role', async () => {
      expect((await request(t.url).get('/api/metrics').expect(401)).body).toMatchObject({ code: 'metrics.token-required' });
      expect((await request(t.url).get('/api/metrics').set(actors.office()).expect(403)).body).toMatchObject({ code: 'metrics.token-invalid' });
      expect((await request(t.url).get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}x`).expect(403)).body).toMatchObject({
        code: 'metrics.token-invalid',
      });
    });

    it('counts commands by outcome (written, replayed, 409, 412) and appends, with a latency histogram per route', async () => {
      const before = (await scrape().expect(200)).text;
      const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"=]/g, (c) => `\\${c}`)} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
      const regionId = randomUUID();
      const key = { 'Idempotency-Key': `metrics-${regionId}` };
      await register(regionId, key).expect(201);
      await register(regionId, key).expect(201); // replayed
      await register(regionId).expect(409); // already registered
      await request(t.url).post(`/api/regions/${regionId}/committees`).set({ ...actors.office(), 'If-Match': '"7"' })
        .send({ name: 'Schulausschuss', shortName: 'SchA', kind: 'ausschuss', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-02-01' })
        .expect(412);
      const after = await scrape().expect(200);
      expect(after.headers['content-type']).toMatch(/^text\/plain/);
      expect(after.headers['cache-control']).toBe('no-store');
      const text = after.text;
      const delta = (series: string) => value(text, series) - value(before, series);
      expect(delta('commands_total{outcome="written"}')).toBe(1);
      expect(delta('commands_total{outcome="replayed"}')).toBe(1);
      expect(delta('commands_total{outcome="conflict"}')).toBe(1);
      expect(delta('commands_total{outcome="precondition_failed"}')).toBe(1);
      expect(delta('event_store_appends_total')).toBe(1);
      expect(delta('event_store_appended_events_total')).toBe(1);
      expect(delta('http_request_duration_seconds_count{method="POST",route="/api/regions",status="201"}')).toBe(2);
      expect(delta('http_request_duration_seconds_count{method="POST",route="/api/regions/:regionId/committees",status="412"}')).toBe(1);
      expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0.05",method="POST",route="\/api\/regions",status="201"\} \d+$/m);
      expect(text).toMatch(/^db_pool_clients\{pool="event_store",state="waiting"\} \d+$/m);
      expect(text).toMatch(/^db_pool_clients\{pool="read_models",state="total"\} \d+$/m);
      expect(text).toMatch(/^projector_lag_events \d+$/m);
      expect(text).toMatch(/^event_store_head_position \d+$/m);
      expect(text).toMatch(/^process_cpu_seconds_total /m);
    });
  });
});
