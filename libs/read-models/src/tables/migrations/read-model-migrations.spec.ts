import { createHash } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { migrateReadModels, readModelMigrations } from '../../migrate';
import { READ_MODEL_SCHEMA } from '../schema';
import { LighterBulkReadModels1764000000000 } from './1764000000000-lighter-bulk-read-models';
import { DocumentsWithoutStatistics1764100000000 } from './1764100000000-documents-without-statistics';
import { FactsWithoutCompression1764200000000 } from './1764200000000-facts-without-compression';

/** The read models' later migrations, each on a read model as a new database gets it, then set back to what came before. */
describe('read-model migrations', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('read_model_migrations');
    await migrateReadModels(db.url);
    source = new DataSource({ type: 'postgres', url: db.url });
    await source.initialize();
  });

  afterAll(async () => {
    await source?.destroy();
    await db?.drop();
  });

  describe('LighterBulkReadModels', () => {
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

  describe('DocumentsWithoutStatistics', () => {
    /** Statistics targets of the read models' columns that hold JSON; NULL is the server's default. */
    const targets = async (): Promise<Record<string, number | null>> => {
      const rows: { col: string; target: number | null }[] = await source.query(
        `SELECT c.relname || '.' || a.attname AS col, a.attstattarget AS target
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND format_type(a.atttypid, a.atttypmod) IN ('json', 'jsonb')
          ORDER BY 1`,
        [READ_MODEL_SCHEMA],
      );
      return Object.fromEntries(rows.map((r) => [r.col, r.target]));
    };

    it('leaves every JSON document of a read model without statistics, as a new database has them', async () => {
      const today = await targets();
      expect(Object.keys(today)).toEqual([
        'committees.fields_of_action',
        'conferences.topics',
        'recommendation_facts.facts',
        'recommendations.addressees',
        'recommendations.fields_of_action',
        'sustainability_reviews.anchoring',
      ]);
      expect(new Set(Object.values(today))).toEqual(new Set([0]));

      const runner = source.createQueryRunner();
      try {
        await new DocumentsWithoutStatistics1764100000000().down(runner);
        expect(new Set(Object.values(await targets()))).toEqual(new Set([null]));
        await new DocumentsWithoutStatistics1764100000000().up(runner);
        expect(await targets()).toEqual(today);
      } finally {
        await runner.release();
      }
    });
  });

  describe('FactsWithoutCompression', () => {
    const options = async () =>
      (await source.query(`SELECT c.reloptions FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'recommendation_facts'`, [READ_MODEL_SCHEMA]))[0]
        .reloptions as string[] | null;
    /** How a facts document of 3 kB (above the 2 kB at which PostgreSQL compresses rows by default) is stored. */
    const storedAs = async (runner: QueryRunner) => {
      await runner.query(`TRUNCATE read_model.recommendation_facts`);
      await runner.query(`INSERT INTO read_model.recommendation_facts SELECT 'r1', 'g1', 'k1', 2026, json_build_object('events', array_fill('Bildungskonferenz'::text, ARRAY[170]))`);
      const [row] = await runner.query(`SELECT pg_column_compression(facts) AS compression, octet_length(facts::text) AS bytes FROM read_model.recommendation_facts`);
      await runner.query(`TRUNCATE read_model.recommendation_facts`);
      return row as { compression: string | null; bytes: number };
    };

    it('keeps facts documents uncompressed in their rows, as a new database has them', async () => {
      expect(await options()).toEqual(['toast_tuple_target=8160']);
      const runner = source.createQueryRunner();
      try {
        expect(await storedAs(runner)).toEqual({ compression: null, bytes: expect.any(Number) });
        expect((await storedAs(runner)).bytes).toBeGreaterThan(3000);
        await new FactsWithoutCompression1764200000000().down(runner);
        expect(await options()).toBeNull();
        expect((await storedAs(runner)).compression).not.toBeNull(); // pglz or lz4, the server's default
        await new FactsWithoutCompression1764200000000().up(runner);
        expect(await options()).toEqual(['toast_tuple_target=8160']);
        expect((await storedAs(runner)).compression).toBeNull();
      } finally {
        await runner.release();
      }
    });
  });
});

/**
 * Installations ran these migrations as they were released; the rebuild and new databases follow the
 * tables' definitions. A migration edited in place would leave the two apart without any test
 * noticing (the shadow-schema comparison only sees a new database), so each released migration's
 * statements are pinned here. A change to a table is a new migration with a new line below.
 */
describe('released read-model migrations are frozen', () => {
  const RELEASED: Record<string, string> = {
    CreateReadModels1763960000000: 'b5df7c60adcb76ed74508a4d6be824bf1dc21b5a97b073027a781c11715159bf',
    LighterBulkReadModels1764000000000: 'cb249642426de915a4eda22ee435c7784b471aedf216da66d21a42e50f4133fb',
    DocumentsWithoutStatistics1764100000000: 'fca70ff4403a8815c13a5c38cea6bfe8680a7331a3f22bec78f5f7c402765710',
    FactsWithoutCompression1764200000000: '548524f1f3d28587d79b3decd181674c2765da02603dd931f1d59691332666b6',
  };

  /** The statements a migration sends, in order; only their text is looked at. */
  const statementsOf = async (migration: (typeof readModelMigrations)[number], direction: 'up' | 'down') => {
    const sent: string[] = [];
    const recorder = { query: async (sql: string) => void sent.push(sql) } as unknown as QueryRunner;
    await new migration()[direction](recorder);
    return sent;
  };

  it('send the statements they sent when released, and each one is listed', async () => {
    const found: Record<string, string> = {};
    for (const migration of readModelMigrations) {
      const statements = [...(await statementsOf(migration, 'up')), '--', ...(await statementsOf(migration, 'down'))];
      found[new migration().name!] = createHash('sha256').update(statements.join('\n;\n')).digest('hex');
    }
    expect(found).toEqual(RELEASED);
  });
});
