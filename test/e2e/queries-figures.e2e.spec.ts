import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actInRegion, actors } from '../support/actors';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildWorkedExample, bytesParser, type WorkedExample } from './queries.fixture';

type FigureValue = { value: number | null; numerator?: number; denominator?: number; count?: number };
type Group = { key: string; label: string; figures: Record<string, FigureValue> };

describe('figures over HTTP: the worked example of metrics.md', () => {
  let t: TestApp;
  let w: WorkedExample;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorkedExample(t.url);
  }, 120_000);
  afterAll(() => t.close());

  const figures = (query: Record<string, string>) =>
    request(t.url).get(`${w.base}/figures`).query(query).set(actors.auditor());
  const values = (group: Group) => Object.fromEntries(Object.entries(group.figures).map(([name, f]) => [name, f.value === null ? null : Math.round(f.value * 1000) / 1000]));

  it('reproduces every figure of the table for cohort "8. BK" as of 2021-06-30', async () => {
    const res = await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30' }).expect(200);
    expect(res.body).toMatchObject({ asOf: '2021-06-30', knownAt: null, source: 'replay', groupBy: null, params: { handoffDays: 90, responseDays: 60, implementationMonths: 24, reviewMonths: 12 } });
    expect(res.body.groups).toHaveLength(1);
    expect(values(res.body.groups[0])).toEqual({
      handoffRate: 0.5,
      medianDaysToHandOff: 73,
      responseRate: 0.75,
      reportingCompliance: 0.667,
      implementationRate: 0.25,
      partialImplementationRate: 0.25,
      medianMonthsToImplementation: 10.8,
      impactCoverage: 0.5,
      indicatorAttainment: 0.75,
      sustainabilityRate: 0.5,
      lapseRate: 0.5,
      unreviewedRate: 0,
      anchoredRate: 1,
      stallRate: 1,
      loopClosureRate: 0.25,
      verifiedImplementationRate: 0,
      unverifiedClaimRate: 1,
      dueDateRevisionRate: 0,
    });
    expect(res.body.groups[0].figures.handoffRate).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(res.body.groups[0].figures.medianDaysToHandOff).toEqual({ value: 73, count: 3 });
  });

  it('the year cohort 2018 is the same recommendations, so the same figures', async () => {
    const byConference = await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30' }).expect(200);
    const byYear = await figures({ cohort: 'year:2018', asOf: '2021-06-30' }).expect(200);
    expect(byYear.body.groups[0].figures).toEqual(byConference.body.groups[0].figures);
    const empty = await figures({ cohort: 'year:2019', asOf: '2021-06-30' }).expect(200);
    expect(empty.body.groups[0].figures.handoffRate).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('asOf before events hides them: on 2019-03-01 R2 is not handed off and R4 not withdrawn yet', async () => {
    const res = await figures({ cohort: `conference:${w.bk8}`, asOf: '2019-03-01' }).expect(200);
    const f = res.body.groups[0].figures;
    // R1 (56 days) and R3 (73) in time; R2, R4 and R5 are more than 90 days old without a hand-off.
    expect(f.handoffRate).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    expect(f.medianDaysToHandOff).toEqual({ value: 64.5, count: 2 });
    expect(f.implementationRate.value).toBe(0);
    expect(f.sustainabilityRate.value).toBeNull();
  });

  it('knownAt before the back-dated entries were recorded hides them, whatever asOf says', async () => {
    const res = await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30', knownAt: w.beforeLateEntries }).expect(200);
    expect(res.body.knownAt).toBe(new Date(w.beforeLateEntries).toISOString());
    const f = res.body.groups[0].figures;
    // R1's review (dated 2020-11-01) was recorded later: R1 is unreviewed, not sustained.
    expect(f.sustainabilityRate).toEqual({ value: 0, numerator: 0, denominator: 2 });
    expect(f.unreviewedRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(f.anchoredRate.value).toBeNull();
    // Everything recorded before stays: the hand-off figures do not move.
    expect(f.handoffRate.value).toBe(0.5);
    expect(f.responseRate.value).toBe(0.75);
  });

  it('parameter overrides change the figure: with D = 60 days only R1 is handed off in time', async () => {
    const res = await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30', handoffDays: '60' }).expect(200);
    expect(res.body.params.handoffDays).toBe(60);
    expect(res.body.groups[0].figures.handoffRate).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it('groups by committee (its own hand-offs and the recommendations it took on)', async () => {
    const res = await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30', groupBy: 'committee' }).expect(200);
    const byKey = Object.fromEntries((res.body.groups as Group[]).map((g) => [g.key, g]));
    expect(Object.keys(byKey).sort()).toEqual([w.c1, w.c2, w.c3].sort());
    expect(byKey[w.c1]!.label).toBe('Fachgremium Übergang Schule/Beruf');
    // C1: R1 accepted (17 days), R3 declined (19 days): both answered in time.
    expect(byKey[w.c1]!.figures.responseRate).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    // C1 took on R1 only (it declined R3), and R1 is implemented.
    expect(byKey[w.c1]!.figures.implementationRate).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(byKey[w.c2]!.figures.reportingCompliance).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(byKey[w.c3]!.figures.partialImplementationRate).toMatchObject({ value: 1 });
  });

  it('groups by field of action, conference and region', async () => {
    const fields = await figures({ cohort: 'year:2018', asOf: '2021-06-30', groupBy: 'fieldOfAction' }).expect(200);
    expect((fields.body.groups as Group[]).map((g) => g.key)).toEqual(['Inklusion', 'Übergang Schule/Beruf']);
    const inklusion = (fields.body.groups as Group[])[0]!;
    // R2 and R5 (R4 withdrawn): neither implemented.
    expect(inklusion.figures.implementationRate).toMatchObject({ value: 0, denominator: 2 });
    const conferences = await figures({ cohort: 'year:2018', asOf: '2021-06-30', groupBy: 'conference' }).expect(200);
    expect(conferences.body.groups).toEqual([expect.objectContaining({ key: w.bk8, label: '8. Bildungskonferenz' })]);
    const regions = await figures({ cohort: 'year:2018', asOf: '2021-06-30', groupBy: 'region' }).expect(200);
    expect(regions.body.groups).toEqual([expect.objectContaining({ key: w.regionId, label: 'Bildungsregion Beispielstadt' })]);
  });

  it('detail=true lists who counted: the overdue assignment is R2 at C2, due since 2020-03-01', async () => {
    const res = await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30', detail: 'true' }).expect(200);
    expect(res.body.groups[0].detail.reportingCompliance.notCounted).toEqual([
      expect.objectContaining({ recommendationId: w.r.r2, reference: '8. BK / 2', committeeId: w.c2, dueOn: '2020-03-01' }),
    ]);
  });

  it('exports CSV: BOM, `;`, CRLF, decimal comma; by ?format=csv or Accept: text/csv', async () => {
    for (const res of [
      await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30', format: 'csv' }).buffer(true).parse(bytesParser).expect(200),
      await figures({ cohort: `conference:${w.bk8}`, asOf: '2021-06-30' }).set('Accept', 'text/csv').buffer(true).parse(bytesParser).expect(200),
    ]) {
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kennzahlen-conference_/);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe('Kohorte;Stand;Kenntnisstand;Gruppierung;Gruppe;Bezeichnung;Kennzahl;Wert;Zähler;Nenner;Anzahl');
      expect(lines).toContain(`conference:${w.bk8};2021-06-30;;;cohort;Kohorte;reportingCompliance;0,666667;2;3;`);
      expect(lines).toContain(`conference:${w.bk8};2021-06-30;;;cohort;Kohorte;medianMonthsToImplementation;10,8;;;1`);
      expect(lines).toContain(`conference:${w.bk8};2021-06-30;;;cohort;Kohorte;unverifiedClaimRate;1;2;2;`);
      expect(lines).toHaveLength(1 + 18 + 1);
    }
  });

  describe('refuses bad parameters with 400 problem+json naming each', () => {
    it.each([
      [{ cohort: 'year:2018', asOf: '2021-02-30' }, 'asOf'],
      [{ cohort: 'year:2018', asOf: '30.06.2021' }, 'asOf'],
      [{ cohort: 'year:2018', knownAt: 'gestern' }, 'knownAt'],
      [{ cohort: 'year:2018', knownAt: '2021-06-30' }, 'knownAt'],
      [{ cohort: 'conference:123' }, 'cohort'],
      [{ cohort: 'jahr:2018' }, 'cohort'],
      [{}, 'cohort'],
      [{ cohort: 'year:2018', groupBy: 'city' }, 'groupBy'],
      [{ cohort: 'year:2018', handoffDays: '-1' }, 'handoffDays'],
      [{ cohort: 'year:2018', asof: '2021-06-30' }, 'asof'],
      [{ cohort: 'year:2018', format: 'xlsx' }, 'format'],
    ])('%j → %s', async (query, field) => {
      const res = await figures(query as Record<string, string>).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  it('unknown region or conference: 404', async () => {
    const unregistered = randomUUID();
    actInRegion(unregistered);
    const region = await request(t.url).get(`/api/regions/${unregistered}/figures`).query({ cohort: 'year:2018' }).set(actors.auditor()).expect(404);
    expect(region.body.code).toBe('region.unknown');
    const res = await figures({ cohort: `conference:${w.c1}` }).expect(404);
    expect(res.body.code).toBe('conference.not-scheduled');
  });
});
