import { Pool } from 'pg';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { migrateReadModels } from '../migrate';
import { READ_MODEL_SCHEMA } from '../tables/schema';
import { readModelChecksums } from '@app/rebuild/checksum';
import { rebuildReadModels } from '@app/rebuild/rebuild';
import { appendAll } from '@app/testing/simulation/append-all';
import { simulateHistory } from '@app/testing/simulation/simulate-history';
import { readCheckpoint } from './checkpoint';
import { startProjector } from './projector';

describe('projector', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('projector');
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    store = new PostgresEventStore({ url: db.url });
    pool = new Pool({ connectionString: db.url, max: 8 });
  });

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it('lets one of two projectors lead; the other takes over when it stops, every event applied once', async () => {
    const a = startProjector({ store, pool, batchSize: 50, standbyPollMs: 100 });
    const b = startProjector({ store, pool, batchSize: 70, standbyPollMs: 100 });
    try {
      const appending = appendAll(store, simulateHistory({ seed: 11, events: 4_000, regions: 3 }), { concurrency: 4 });
      // Until one leads and has committed a batch, so the take-over happens mid-stream.
      const leading = () => [a, b].filter((p) => !p.status().standby);
      for (const until = Date.now() + 60_000; !(leading().length === 1 && leading()[0].status().batches > 0); ) {
        if (Date.now() > until) throw new Error(`no leader with a committed batch: ${[a, b].map((p) => p.status().lastError).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect([a.status().standby, b.status().standby].sort()).toEqual([false, true]);
      const [leader, standby] = a.status().standby ? [b, a] : [a, b];
      await leader.stop();
      const total = await appending;
      const until = Date.now() + 60_000;
      // The visible head moves on as other transactions on the server end: read it each time.
      while ((await readCheckpoint(pool, READ_MODEL_SCHEMA)).position !== (await store.headPosition())) {
        if (Date.now() > until) throw new Error(`standby did not take over: ${JSON.stringify(standby.status(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(standby.status().standby).toBe(false);
      expect((await readCheckpoint(pool, READ_MODEL_SCHEMA)).events).toBe(BigInt(total));

      const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
      const rebuilt = await rebuildReadModels({ store, pool, swap: false });
      expect(await readModelChecksums(pool, rebuilt.shadow)).toEqual(live);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('drops its state and continues from the stored checkpoint when another writer moved it', async () => {
    const projector = startProjector({ store, pool, batchSize: 100 });
    try {
      await projector.caughtUp;
      const before = await readModelChecksums(pool, READ_MODEL_SCHEMA);
      // As after a rebuild swapped in: the stored checkpoint is not where this projector left it.
      await pool.query(`UPDATE ${READ_MODEL_SCHEMA}.projection_checkpoints SET position = NULL, events = 0`);
      await pool.query(`TRUNCATE ${['timeline', 'recommendations', 'recommendation_facts', 'assignments', 'indicators', 'measurements', 'sustainability_reviews', 'regions', 'conferences', 'committees'].map((t) => `${READ_MODEL_SCHEMA}.${t}`).join(', ')}`);
      await appendAll(store, simulateHistory({ seed: 12, events: 300, regions: 1 }));
      const until = Date.now() + 60_000;
      // The visible head moves on as other transactions on the server end: read it each time.
      while ((await readCheckpoint(pool, READ_MODEL_SCHEMA)).position !== (await store.headPosition())) {
        if (Date.now() > until) throw new Error('projector did not recover');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(projector.status().restarts).toBeGreaterThan(0);
      const after = await readModelChecksums(pool, READ_MODEL_SCHEMA);
      expect(after.timeline.rows).toBeGreaterThanOrEqual(before.timeline.rows + 300);
      const rebuilt = await rebuildReadModels({ store, pool, swap: false });
      expect(await readModelChecksums(pool, rebuilt.shadow)).toEqual(after);
    } finally {
      await projector.stop();
    }
  });
});
