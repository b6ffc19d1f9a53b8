import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { migrateReadModels } from '../../read-models';
import { READ_MODEL_SCHEMA } from '../schema';
import { LighterBulkReadModels1764000000000 } from './1764000000000-lighter-bulk-read-models';

describe('migration LighterBulkReadModels', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('lighter_read_models');
    await migrateReadModels(db.url);
    source = new DataSource({ type: 'postgres', url: db.url });
    await source.initialize();
  });

  afterAll(async () => {
    await source?.destroy();
    await db?.drop();
  });

  const shape = async () => ({
    facts: (await source.query(`SELECT udt_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'recommendation_facts' AND column_name = 'facts'`, [READ_MODEL_SCHEMA]))[0].udt_name,
    timeline: (await source.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'timeline' ORDER BY indexname`, [READ_MODEL_SCHEMA])).map((r: { indexdef: string }) => r.indexdef),
  });

  it('turns a read model made by the first migration alone into what a new database gets', async () => {
    const today = await shape();
    expect(today.facts).toBe('json');
    const runner = source.createQueryRunner();
    try {
      // The read model as the first migration made it before these changes, with a row in it.
      await runner.query(`ALTER TABLE read_model.recommendation_facts ALTER COLUMN facts TYPE jsonb`);
      await runner.query(`ALTER TABLE read_model.timeline ADD UNIQUE (position)`);
      await runner.query(`DROP INDEX read_model.timeline_stream`);
      await runner.query(`CREATE INDEX timeline_stream ON read_model.timeline (stream_id, revision)`);
      await runner.query(`INSERT INTO read_model.recommendation_facts VALUES ('r1', 'g1', 'k1', 2026, '{"b": 1, "a": [true]}')`);
      expect(await shape()).not.toEqual(today);

      await new LighterBulkReadModels1764000000000().up(runner);
      expect(await shape()).toEqual(today);
      const [row] = await runner.query(`SELECT facts FROM read_model.recommendation_facts`);
      expect(row.facts).toEqual({ a: [true], b: 1 });
    } finally {
      await runner.release();
    }
  });
});
