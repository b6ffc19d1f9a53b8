import { Pool } from 'pg';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { READ_MODEL_SCHEMA } from '@app/read-models/tables/schema';
import { migrateReadModels } from '@app/read-models/migrate';
import { startProjector, type RunningProjector } from '@app/read-models/projector/projector';
import { projectorLag } from '@app/read-models/projector/lag';
import { appendAll } from '@app/testing/simulation/append-all';
import { simulateHistory } from '@app/testing/simulation/simulate-history';
import { readModelChecksums } from './checksum';
import { rebuildReadModels } from './rebuild';

/**
 * Waits until the projector's committed checkpoint is the head of the log. The limits here bound a
 * hang on a loaded 2-core machine (12,000 events in batches of 97, three rebuilds), they time nothing.
 */
async function caughtUpWith(store: PostgresEventStore, projector: RunningProjector, timeoutMs = 240_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const head = await store.headPosition();
    if (projector.status().position === head) return;
    if (Date.now() > until) throw new Error(`projector stuck at ${projector.status().position} of ${head}: ${projector.status().lastError}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('rebuild of the read models', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let projector: RunningProjector;

  beforeAll(async () => {
    db = await createTestDatabase('rebuild');
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    store = new PostgresEventStore({ url: db.url });
    pool = new Pool({ connectionString: db.url, max: 6 });
  });

  /** Keys, unique constraints and indexes of a schema's tables, without the schema's name. */
  const indexesOf = async (schema: string) =>
    (
      await pool.query<{ def: string }>(
        `SELECT replace(indexdef, schemaname || '.', '') AS def FROM pg_indexes WHERE schemaname = $1 ORDER BY tablename, indexname`,
        [schema],
      )
    ).rows.map((r) => r.def);

  afterAll(async () => {
    await projector?.stop();
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it('ends row for row identical to the live projection after a long random history', async () => {
    // The live projector runs while the history is appended, in small batches, as in production.
    projector = startProjector({ store, pool, batchSize: 97, historyCapacity: 3_000 });
    const appended = await appendAll(store, simulateHistory({ seed: 42, events: 12_000, regions: 4 }), { concurrency: 6 });
    await caughtUpWith(store, projector);
    expect(projector.status().restarts).toBe(0);

    const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
    expect(live.timeline.rows).toBe(appended);
    expect(live.recommendations.rows).toBeGreaterThan(300);
    expect(live.assignments.rows).toBeGreaterThan(300);
    expect(live.measurements.rows).toBeGreaterThan(100);
    expect(live.sustainability_reviews.rows).toBeGreaterThan(10);

    const rebuilt = await rebuildReadModels({ store, pool, swap: false, batchSize: 1000 });
    expect(rebuilt.events).toBe(appended);
    expect(await readModelChecksums(pool, rebuilt.shadow)).toEqual(live);
    // Statistics for the planner, on every column but the JSON documents (statistics target 0).
    const analysed = await pool.query<{ col: string }>(
      `SELECT tablename || '.' || attname AS col FROM pg_stats WHERE schemaname = $1 AND tablename IN ('recommendation_facts', 'recommendations')`,
      [rebuilt.shadow],
    );
    const columns = analysed.rows.map((r) => r.col);
    expect(columns).toEqual(expect.arrayContaining(['recommendation_facts.region_id', 'recommendations.lifecycle_state']));
    expect(columns.filter((c) => /\.(facts|addressees|fields_of_action)$/.test(c))).toEqual([]);
    // Keys and indexes are added after the load, and must end as the migration made them.
    const liveIndexes = await indexesOf(READ_MODEL_SCHEMA);
    expect(liveIndexes).toContain('CREATE UNIQUE INDEX timeline_pkey ON timeline USING btree (event_id)');
    expect(await indexesOf(rebuilt.shadow)).toEqual(liveIndexes);
    const lag = await projectorLag(store, pool);
    expect(lag.events).toBe(0);
  }, 480_000);

  it('also matches when the rebuild must write histories out early (small memory)', async () => {
    const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
    const rebuilt = await rebuildReadModels({ store, pool, swap: false, batchSize: 500, historyCapacity: 800 });
    expect(await readModelChecksums(pool, rebuilt.shadow)).toEqual(live);
    expect(await indexesOf(rebuilt.shadow)).toEqual(await indexesOf(READ_MODEL_SCHEMA));
  }, 240_000);

  it('swaps the rebuilt tables in, and the live projector carries on from the rebuilt checkpoint', async () => {
    const before = await readModelChecksums(pool, READ_MODEL_SCHEMA);
    // Swapped in: the same rows as the live tables it replaces, and no shadow or old schema left over.
    await rebuildReadModels({ store, pool });
    expect(await readModelChecksums(pool, READ_MODEL_SCHEMA)).toEqual(before);
    const schemas = await pool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_model%' ORDER BY 1`);
    expect(schemas.rows.map((r) => r.nspname)).toEqual(['read_model']);

    await appendAll(store, simulateHistory({ seed: 43, events: 1_500, regions: 2 }), { concurrency: 4 });
    await caughtUpWith(store, projector);
    const live = await readModelChecksums(pool, READ_MODEL_SCHEMA);
    const rebuilt = await rebuildReadModels({ store, pool, swap: false });
    expect(await readModelChecksums(pool, rebuilt.shadow)).toEqual(live);
    expect(live.projection_checkpoints.rows).toBe(1);
  }, 360_000);

  it('reports lag while behind', async () => {
    await projector.stop();
    // Stopped at the head (the test before caught up), so it is behind by exactly what comes now.
    const appended = await appendAll(store, simulateHistory({ seed: 44, events: 300, regions: 1 }));
    const lag = await projectorLag(store, pool);
    expect(lag.events).toBe(appended);
    expect(lag.capped).toBe(false);
    expect((await projectorLag(store, pool, { cap: 100 })).events).toBe(100);
  });
});
