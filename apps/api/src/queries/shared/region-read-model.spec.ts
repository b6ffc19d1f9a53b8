import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { calendarDateOf, streamIdOf, type ConferenceId, type RegionId } from '@app/domain';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { DEFAULT_PARAMS, figures } from '@app/figures';
import { migrateReadModels } from '@app/read-models';
import { rebuildReadModels } from '@app/rebuild';
import { appendAll, simulateHistory } from '@app/testing/simulation';
import { aConferenceHeld, aConferenceRescheduled, aConferenceScheduled, createTestDatabase, type TestDatabase } from '@app/testing';
import { RegionHistory } from './region-history';
import { RegionReadModel } from './region-read-model';
import type { RegionSnapshot } from './region-snapshot';

/** What a snapshot says, in a form that compares regardless of where it came from. */
const contentOf = (s: RegionSnapshot) => ({
  facts: s.facts,
  conferences: [...s.conferences].sort((a, b) => a.number - b.number),
  conferenceRows: [...s.directory.conferences.values()].sort((a, b) => a.conference_id.localeCompare(b.conference_id)),
  committeeRows: [...s.directory.committees.values()].sort((a, b) => a.committee_id.localeCompare(b.committee_id)),
});

/** The read models' "now" must say exactly what a replay of the log says, or stay silent. */
describe('RegionReadModel: a region now, from the read models', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let readModel: RegionReadModel;
  let history: RegionHistory;
  let regions: { id: string; name: string }[];
  const today = calendarDateOf(new Date());

  beforeAll(async () => {
    db = await createTestDatabase('region_read_model');
    await migrateEventStore(db.url);
    await migrateReadModels(db.url);
    store = new PostgresEventStore({ url: db.url });
    pool = new Pool({ connectionString: db.url, max: 4 });
    await appendAll(store, simulateHistory({ seed: 77, events: 6_000, regions: 3 }));
    const { rows } = await pool.query<{ region_id: string; name: string }>(
      `SELECT data->>'regionId' AS region_id, data->>'name' AS name FROM event_store.events WHERE type = 'RegionRegistered' ORDER BY 1`,
    );
    regions = rows.map((r) => ({ id: r.region_id, name: r.name }));
    // The simulation holds conferences on their day; this one moves twice, is held on another day and moved after that.
    const conferenceId = randomUUID() as ConferenceId;
    const regionId = regions[0].id as RegionId;
    const moved = [
      aConferenceScheduled({ conferenceId, regionId, number: 99, date: '2025-03-01', effectiveOn: '2024-11-01' }),
      aConferenceRescheduled({ conferenceId, regionId, date: '2025-03-21', effectiveOn: '2025-01-10' }),
      aConferenceHeld({ conferenceId, regionId, heldOn: '2025-03-28' }),
      aConferenceRescheduled({ conferenceId, regionId, date: '2025-06-01', effectiveOn: '2025-04-01' }),
    ];
    await store.append(streamIdOf.conference(conferenceId), moved.map((e) => ({ id: randomUUID(), ...e, metadata: { regionId } })), { expectedRevision: 'no_stream' });
    await rebuildReadModels({ store, pool });
    readModel = new RegionReadModel(pool, store);
    history = new RegionHistory(store, readModel);
    // Appending and rebuilding a history takes seconds on an idle machine and a minute or more on a
    // loaded 2-core one; the limit is there to catch a hang, not to time the set-up.
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it.each([
    ['today', 0],
    ['a day in the coming year', 200],
  ])('matches a replay of the log for every region, %s', async (_name, daysAhead) => {
    const asOf = calendarDateOf(new Date(Date.now() + daysAhead * 86_400_000));
    expect(regions).toHaveLength(3);
    for (const region of regions) {
      const fromReadModel = await readModel.snapshot(region.id, region.name, { asOf });
      const replayed = await history.replay(region.id, region.name, { asOf });
      expect(fromReadModel?.source).toBe('read_model');
      expect(replayed.source).toBe('replay');
      expect(replayed.facts.length).toBeGreaterThan(20);
      if (region === regions[0]) expect(replayed.conferences.find((c) => c.number === 99)?.date).toBe('2025-03-28');
      expect(contentOf(fromReadModel!)).toEqual(contentOf(replayed));
      const ctx = { asOf, params: DEFAULT_PARAMS };
      expect(figures(fromReadModel!.facts, { ...ctx, conferences: fromReadModel!.conferences })).toEqual(
        figures(replayed.facts, { ...ctx, conferences: replayed.conferences }),
      );
    }
  }, 120_000);

  it('stays silent for the past and for an earlier state of knowledge, which only a replay can give', async () => {
    const region = regions[0];
    expect(await readModel.snapshot(region.id, region.name, { asOf: '2020-01-01' })).toBeUndefined();
    expect(await readModel.snapshot(region.id, region.name, { asOf: today, knownAt: new Date() })).toBeUndefined();
  });

  it('answers "now" for a region not read yet; stays silent while the projector has not applied the whole log, and the board then replays it', async () => {
    const region = regions[0];
    // A history that has not read the region yet answers from the read models (one that has, from its log).
    const before = await new RegionHistory(store, readModel).snapshot(region.id, { asOf: today });
    expect(before.source).toBe('read_model');
    expect((await history.snapshot(region.id, { asOf: today })).source).toBe('replay');
    // Any event the projector has not applied yet, even one it would skip.
    await store.append(`misc-${randomUUID()}`, [{ id: randomUUID(), type: 'SomethingElse', data: {}, metadata: { regionId: region.id } }], {
      expectedRevision: 'no_stream',
    });
    expect(await readModel.snapshot(region.id, region.name, { asOf: today })).toBeUndefined();
    const after = await new RegionHistory(store, readModel).snapshot(region.id, { asOf: today });
    expect(after.source).toBe('replay');
    expect(after).toEqual(await history.replay(region.id, region.name, { asOf: today }));
    // The skipped event changes no figure: the two answers say the same.
    expect(contentOf(after)).toEqual(contentOf(before));
  });
});
