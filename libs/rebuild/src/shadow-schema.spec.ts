import { Pool } from 'pg';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { grantRuntimeAccess, RUNTIME_ROLE } from '@app/postgres';
import { createTestDatabase, schemaShape, type TestDatabase } from '@app/testing';
import { READ_MODEL_SCHEMA } from '@app/read-models/tables/schema';
import { migrateReadModels } from '@app/read-models/migrate';
import { rebuildReadModels } from './rebuild';

/**
 * Existing databases get their read-model tables from the migrations, which never change once
 * released; a rebuild makes its shadow from the table definitions as they are today and swaps it
 * in. Both must end as the same tables, or a rebuild would silently change the schema of a running
 * installation (or fail to fit its queries).
 */
describe('the rebuild’s shadow schema and the migrated schema', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('shadow_schema');
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    // As every start does after the migrations: the running application's role gets its privileges.
    expect(await grantRuntimeAccess(db.url)).toEqual({ granted: true });
    store = new PostgresEventStore({ url: db.url });
    pool = new Pool({ connectionString: db.url, max: 4 });
  });

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it('are the same tables: columns in order with types, nullability, defaults and statistics; keys; indexes; storage parameters; privileges', async () => {
    const migrated = await schemaShape(pool, READ_MODEL_SCHEMA);
    const { shadow } = await rebuildReadModels({ store, pool, swap: false });
    const rebuilt = await schemaShape(pool, shadow);

    // The comparison sees what matters: the schema is complete and its details are read.
    const tables = migrated.tables;
    expect(Object.keys(tables)).toHaveLength(11);
    expect(tables.recommendation_facts.table).toContain('toast_tuple_target=8160');
    expect(tables.timeline.indexes).toContain('CREATE INDEX timeline_stream ON timeline USING btree (stream_id, revision) WHERE (recommendation_id IS NULL)');
    expect(tables.projection_checkpoints.columns).toContain('3 events bigint NOT NULL default=0 statistics=default storage=p compression=- collation=-');
    expect(tables.recommendation_facts.columns).toContain('5 facts json NOT NULL default=- statistics=0 storage=x compression=- collation=-');
    expect(migrated.privileges).toContain(`${RUNTIME_ROLE}=USAGE`);
    expect(tables.timeline.table).toContain(`${RUNTIME_ROLE}=UPDATE`);
    expect(rebuilt.privileges).toBe(migrated.privileges);
    // Table by table, so a difference names its table and shows its lines.
    for (const table of new Set([...Object.keys(tables), ...Object.keys(rebuilt.tables)])) {
      expect({ name: table, ...rebuilt.tables[table] }).toEqual({ name: table, ...tables[table] });
    }
  }, 120_000);
});
