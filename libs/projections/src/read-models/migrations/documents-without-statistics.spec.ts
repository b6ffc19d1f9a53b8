import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { migrateReadModels } from '../../read-models';
import { READ_MODEL_SCHEMA } from '../schema';
import { DocumentsWithoutStatistics1764100000000 } from './1764100000000-documents-without-statistics';

describe('migration DocumentsWithoutStatistics', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('document_statistics');
    await migrateReadModels(db.url);
    source = new DataSource({ type: 'postgres', url: db.url });
    await source.initialize();
  });

  afterAll(async () => {
    await source?.destroy();
    await db?.drop();
  });

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
