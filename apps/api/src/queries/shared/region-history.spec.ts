import { calendarDateOf } from '@app/domain';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { factsAt, fromRecorded } from '@app/figures';
import { migrateReadModels } from '@app/read-models';
import { appendAll, simulateHistory, type SimulatedAppend } from '@app/testing/simulation';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { Pool } from 'pg';
import { RegionHistory } from './region-history';
import { RegionReadModel } from './region-read-model';
import type { RegionSnapshot } from './region-snapshot';
import type { TimePoint } from './query-params';

const contentOf = (s: RegionSnapshot) => ({
  facts: s.facts,
  conferences: [...s.conferences].sort((a, b) => a.number - b.number),
  conferenceRows: [...s.directory.conferences.values()].sort((a, b) => a.conference_id.localeCompare(b.conference_id)),
  committeeRows: [...s.directory.committees.values()].sort((a, b) => a.committee_id.localeCompare(b.committee_id)),
});

/**
 * A history that keeps regions in memory and folds again only the streams that grew must say what
 * a replay of the whole log says, at every point, while commands keep arriving.
 */
describe('RegionHistory: kept logs and folds agree with a replay of the whole log', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let readModel: RegionReadModel;
  let appends: SimulatedAppend[];

  beforeAll(async () => {
    db = await createTestDatabase('region_history');
    await migrateEventStore(db.url);
    // Empty read models: "now" is never theirs here, every answer is the log's.
    await migrateReadModels(db.url);
    store = new PostgresEventStore({ url: db.url });
    pool = new Pool({ connectionString: db.url, max: 4 });
    readModel = new RegionReadModel(pool, store);
    appends = [...simulateHistory({ seed: 1515, events: 5_000, regions: 3 })];
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it('after every batch of appends, read while they were written, for every region and at today, a year end, a past day and an earlier knowledge', async () => {
    const kept = new RegionHistory(store, readModel);
    const regionsOf = async () => {
      const { rows } = await pool.query<{ id: string; name: string }>(
        `SELECT data->>'regionId' AS id, data->>'name' AS name FROM event_store.events WHERE type = 'RegionRegistered' ORDER BY 1`,
      );
      return rows;
    };
    const knownAtStart = new Date();
    const points: TimePoint[] = [
      { asOf: calendarDateOf(new Date()) },
      { asOf: `${new Date().getUTCFullYear() - 1}-12-31` },
      { asOf: '2023-06-30' },
      { asOf: '2020-01-31' },
      { asOf: calendarDateOf(new Date()), knownAt: knownAtStart },
    ];
    const batches = 5;
    const size = Math.ceil(appends.length / batches);
    for (let b = 0; b < batches; b++) {
      let writing = true;
      const written = appendAll(store, appends.slice(b * size, (b + 1) * size)).finally(() => (writing = false));
      // Reads interleaved with the writes: the kept logs and folds grow while events arrive.
      while (writing) {
        for (const region of await regionsOf()) for (const point of points) await kept.replay(region.id, region.name, point);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await written;

      const regions = await regionsOf();
      expect(regions.length).toBeGreaterThan(0);
      for (const region of regions) {
        // The region's events read afresh, folded by factsAt as a whole.
        const { events } = await store.readLog({ streams: { key: 'regionId', value: region.id } });
        const recommendations = events.filter((e) => e.streamId.startsWith('recommendation-')).sort((x, y) => (x.streamId < y.streamId ? -1 : x.streamId > y.streamId ? 1 : Number(x.revision - y.revision)));
        const fresh = new RegionHistory(store, readModel);
        for (const point of points) {
          const warm = await kept.replay(region.id, region.name, point);
          const cold = await fresh.replay(region.id, region.name, point);
          expect(contentOf(warm)).toEqual(contentOf(cold));
          expect(warm.facts).toEqual(factsAt(recommendations.map(fromRecorded), point));
        }
      }
    }
    // The simulation wrote every batch: the last comparison covered the whole history.
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events');
    expect(rows[0]!.n).toBe(appends.reduce((n, a) => n + a.events.length, 0));
  }, 300_000);
});
