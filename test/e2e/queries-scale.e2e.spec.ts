import request from 'supertest';
import { businessDateOf, calendarDateOf, type ConferenceEvent } from '@app/domain';
import { cohortOf, conferenceFactsOf, factsAt, figures, fromRecorded, yearOf } from '@app/figures';
import { appendAll, simulateHistory, type SimulatedAppend } from '@app/testing/simulation';
import { actInRegion, actors } from '../support/actors';
import { eventStoreOf } from '../support/event-log';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A long simulated history of two regions (every event from the domain's deciders): the figures the
 * API answers must equal the pure functions applied to the streams read one by one, for each
 * region's own recommendations only, at several points in time. Prints how long the answers take.
 */
/** Member lists follow the order the recommendations were read in: compare them as sets, and sums of scores to 9 places. */
function unordered(figureSet: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.entries(figureSet).map(([name, figure]) => [
      name,
      Object.fromEntries(
        Object.entries(figure).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.map((v) => JSON.stringify(v)).sort() : typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : value,
        ]),
      ),
    ]),
  );
}

describe('figures over HTTP on a long simulated history of two regions', () => {
  let t: TestApp;
  let appends: SimulatedAppend[];
  const EVENTS = 8_000;

  let regions: string[];

  beforeAll(async () => {
    t = await startTestApp();
    appends = [...simulateHistory({ seed: 11, events: EVENTS, regions: 2, from: '2015-01-05', until: '2025-12-01' })];
    regions = [...new Set(appends.filter((a) => a.streamId.startsWith('region-')).map((a) => a.events[0]!.metadata.regionId as string))];
    regions.forEach(actInRegion);
  });
  afterAll(() => t.close());

  const figuresOf = (regionId: string, year: number, asOf: string) =>
    request(t.url).get(`/api/regions/${regionId}/figures`).query({ cohort: `year:${year}`, asOf, detail: 'true' }).set(actors.auditor()).expect(200);

  it('appends the history in two parts, asking for figures in between (the API keeps up with what is appended after)', async () => {
    const started = Date.now();
    const half = Math.floor(appends.length / 2);
    await appendAll(eventStoreOf(t.app), appends.slice(0, half), { concurrency: 4 });
    for (const regionId of regions) await figuresOf(regionId, 2016, '2026-01-01');
    await appendAll(eventStoreOf(t.app), appends.slice(half), { concurrency: 4 });
    console.log(`appended ${appends.reduce((n, a) => n + a.events.length, 0)} events in ${Date.now() - started} ms`);
  }, 300_000);

  /** Expected figures: each stream of the region read on its own (readStream), then the pure functions. */
  async function expected(regionId: string, cohortYear: number, asOf: string) {
    const store = eventStoreOf(t.app);
    const streams = [...new Set(appends.filter((a) => a.events[0]!.metadata.regionId === regionId).map((a) => a.streamId))];
    const recorded = (await Promise.all(streams.map((s) => store.readStream(s)))).flat();
    const conferences = conferenceFactsOf(
      recorded
        .filter((e) => e.streamId.startsWith('conference-'))
        .map((e) => ({ type: e.type, data: e.data }) as ConferenceEvent)
        .filter((e) => businessDateOf(e) <= asOf),
    );
    const facts = factsAt(recorded.filter((e) => e.streamId.startsWith('recommendation-')).map(fromRecorded), { asOf });
    return figures(cohortOf(facts, { year: cohortYear }), { asOf, conferences });
  }

  it('answers what the pure functions compute from the streams, per region, year cohort and asOf', async () => {
    expect(regions).toHaveLength(2);
    const years = [
      ...new Set(
        appends.flatMap((a) => a.events.filter((e) => e.type === 'RecommendationAdopted').map((e) => yearOf((e.data as { adoptedOn: string }).adoptedOn))),
      ),
    ].sort();
    expect(years.length).toBeGreaterThan(3);
    const timings: number[] = [];
    let compared = 0;
    for (const regionId of regions) {
      for (const [year, asOf] of [
        [years[0]!, calendarDateOf(new Date())],
        [years[1]!, `${years[1]! + 2}-06-30`],
        [years[2]!, `${years[2]!}-12-31`],
      ] as const) {
        const started = Date.now();
        const res = await figuresOf(regionId, year, asOf);
        timings.push(Date.now() - started);
        const want = JSON.parse(JSON.stringify(await expected(regionId, year, asOf))) as Record<string, { value: number | null }>;
        expect(unordered(res.body.groups[0].detail)).toEqual(unordered(want));
        if (want.handoffRate!.value !== null) compared++;
      }
    }
    expect(compared).toBeGreaterThan(2);
    console.log(`figures over HTTP (${EVENTS} events, 2 regions): ${timings.join(', ')} ms`);
  }, 120_000);
});
