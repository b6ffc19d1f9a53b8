import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { loadConfig } from '@app/config';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { migrateReadModels } from '@app/read-models';
import { appendAll, simulateHistory } from '@app/testing/simulation';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../infrastructure/tokens';
import { ObservabilityModule } from '../observability/observability.module';
import { ProjectionsModule } from './projections.module';
import { ProjectorLagService } from './projector-lag.service';

/** The module as the API wires it, with the infrastructure the API provides globally. */
async function appWith(db: TestDatabase, projector: 'inline' | 'off', store: PostgresEventStore, pool: Pool): Promise<INestApplication> {
  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: loadConfig({ PROJECTOR: projector, LOG_LEVEL: 'error', METRICS_TOKEN }) },
      { provide: EVENT_STORE, useValue: store },
      { provide: PG_POOL, useValue: pool },
    ],
    exports: [APP_CONFIG, EVENT_STORE, PG_POOL],
  })
  class Infrastructure {}
  const moduleRef = await Test.createTestingModule({ imports: [Infrastructure, ProjectionsModule, ObservabilityModule.forRoot({ LOG_LEVEL: 'error' })] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.setGlobalPrefix('api');
  await app.init();
  return app;
}

const METRICS_TOKEN = 'scraper-token-for-this-spec';
const scrape = (app: INestApplication) => request(app.getHttpServer()).get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);

const metric = (text: string, name: string) => Number(new RegExp(`^${name} (-?\\d+)$`, 'm').exec(text)?.[1]);

describe('ProjectionsModule', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  /** How many events the seeded history holds (seed 9 gives exactly 1,500). */
  let appended: number;

  beforeAll(async () => {
    db = await createTestDatabase('projections_module');
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    store = new PostgresEventStore({ url: db.url });
    pool = new Pool({ connectionString: db.url, max: 4 });
    appended = await appendAll(store, simulateHistory({ seed: 9, events: 1_500, regions: 2 }));
  });

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it('with PROJECTOR=off reports the whole log as lag and writes nothing', async () => {
    const app = await appWith(db, 'off', store, pool);
    try {
      const response = await scrape(app);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(appended).toBe(1_500);
      expect(metric(response.text, 'projector_lag_events')).toBe(appended);
      expect(metric(response.text, 'projector_position')).toBe(-1);
      const ready = await app.get(ProjectorLagService).ready();
      expect(ready.ready).toBe(false);
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM read_model.timeline');
      expect(rows[0].n).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('with PROJECTOR=inline catches up inside the API and reports no lag', async () => {
    const app = await appWith(db, 'inline', store, pool);
    try {
      const until = Date.now() + 30_000;
      let text = '';
      let head: bigint | undefined;
      while (Date.now() < until) {
        text = (await scrape(app)).text;
        head = await store.headPosition();
        if (metric(text, 'projector_position') === Number(head)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(metric(text, 'projector_position')).toBe(Number(head));
      await new Promise((r) => setTimeout(r, 1100)); // past the lag cache
      text = (await scrape(app)).text;
      expect(metric(text, 'projector_lag_events')).toBe(0);
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM read_model.timeline');
      expect(metric(text, 'projector_events_applied_total')).toBe(rows[0].n);
      expect((await app.get(ProjectorLagService).ready()).ready).toBe(true);
    } finally {
      await app.close();
    }
  });
});
