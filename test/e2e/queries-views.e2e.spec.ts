import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actors } from '../support/actors';
import { eventStoreOf } from '../support/event-log';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildWorkedExample, bytesParser, csvLines, type WorkedExample } from './queries.fixture';

const stagesOf = (body: { conferences: { stages: { stage: string; count: number }[] }[] }) =>
  Object.fromEntries(body.conferences[0]!.stages.map((s) => [s.stage, s.count]));

describe('views of metrics.md over HTTP, on the worked example', () => {
  let t: TestApp;
  let w: WorkedExample;
  const asOf = '2021-06-30';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorkedExample(t.url);
  }, 120_000);
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string> = {}) => request(t.url).get(`${w.base}${path}`).query(query).set(actors.auditor());
  const csv = async (path: string, query: Record<string, string>) =>
    csvLines((await get(path, { ...query, format: 'csv' }).buffer(true).parse(bytesParser).expect(200).expect('Content-Type', /^text\/csv/)).body as Buffer);

  describe('funnel per conference (view 1)', () => {
    it('counts the stages of 8. BK; withdrawn R4 is not in the base', async () => {
      const res = await get('/views/funnel', { asOf }).expect(200);
      expect(res.body.conferences).toHaveLength(1);
      expect(res.body.conferences[0]).toMatchObject({ conferenceId: w.bk8, label: '8. Bildungskonferenz', date: '2018-11-20' });
      expect(stagesOf(res.body)).toEqual({ adopted: 4, handedOff: 3, accepted: 3, reported: 3, implemented: 2, verified: 0, impactMeasured: 1, sustained: 1 });
      expect(res.body.conferences[0].stages[1]).toEqual({ stage: 'handedOff', count: 3, share: 0.75 });
    });

    it('asOf 2019-03-01: R3 is handed off to C3 but not yet accepted; R4 not yet withdrawn', async () => {
      const res = await get('/views/funnel', { asOf: '2019-03-01' }).expect(200);
      expect(stagesOf(res.body)).toEqual({ adopted: 5, handedOff: 2, accepted: 1, reported: 0, implemented: 0, verified: 0, impactMeasured: 0, sustained: 0 });
    });

    it('knownAt before the late entries: R2 not reported, R1 not sustained', async () => {
      const res = await get('/views/funnel', { asOf, knownAt: w.beforeLateEntries }).expect(200);
      expect(stagesOf(res.body)).toMatchObject({ reported: 2, sustained: 0 });
    });

    it('exports one CSV line per conference', async () => {
      const lines = await csv('/views/funnel', { asOf });
      expect(lines[0]).toMatch(/^Konferenz;Datum;Stand;adopted;handedOff;/);
      expect(lines[1]).toBe('8. Bildungskonferenz;2018-11-20;2021-06-30;4;3;3;3;2;0;1;1;1;0,75;0,75;0,75;0,5;0;0,25;0,25');
    });
  });

  describe('committee scorecard (view 2)', () => {
    it('lists each committee with its figures and the overdue report by name', async () => {
      const res = await get('/views/committee-scorecard', { asOf }).expect(200);
      const byId = Object.fromEntries(res.body.committees.map((c: { committeeId: string }) => [c.committeeId, c]));
      expect(byId[w.c2]).toMatchObject({
        name: 'Fachgremium Inklusion',
        handOffs: 1,
        responseRate: { value: 0, numerator: 0, denominator: 1 },
        reportingCompliance: { value: 0 },
        overdueReports: [{ recommendationId: w.r.r2, reference: '8. BK / 2', title: 'Empfehlung 2', dueOn: '2020-03-01', daysOverdue: 486 }],
      });
      expect(byId[w.c1]).toMatchObject({ handOffs: 2, responseRate: { value: 1 }, overdueReports: [] });
    });

    it('before R2’s back-dated report was known, its due date is the hand-off’s', async () => {
      const res = await get('/views/committee-scorecard', { asOf, knownAt: w.beforeLateEntries }).expect(200);
      const c2 = res.body.committees.find((c: { committeeId: string }) => c.committeeId === w.c2);
      expect(c2.overdueReports).toEqual([expect.objectContaining({ reference: '8. BK / 2', dueOn: '2019-10-01' })]);
    });

    it('exports CSV', async () => {
      const lines = await csv('/views/committee-scorecard', { asOf });
      expect(lines.find((l) => l.startsWith('Fachgremium Inklusion;'))).toMatch(/;1;0;0;0;0;141;;;0;0;0;1;8\. BK \/ 2 \(2020-03-01\)$/);
    });
  });

  describe('impact board (view 3)', () => {
    it('shows the indicator with baseline, target and its measurements as a line', async () => {
      const res = await get('/views/impact-board', { asOf }).expect(200);
      expect(res.body.indicatorAttainment).toEqual({ value: 0.75, denominator: 1 });
      expect(res.body.impactCoverage).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
      expect(res.body.indicators).toEqual([
        expect.objectContaining({
          reference: '8. BK / 1',
          indicatorId: w.indicatorId,
          committee: 'Fachgremium Übergang Schule/Beruf',
          baseline: { value: 10, on: '2018-12-01' },
          target: { value: 30, dueOn: '2021-12-31' },
          measurements: [{ measuredOn: '2020-03-01', value: 25 }],
          score: 0.75,
        }),
      ]);
    });

    it('asOf before the measurement: the line is empty and nothing is scored', async () => {
      const res = await get('/views/impact-board', { asOf: '2020-01-01' }).expect(200);
      expect(res.body.indicators[0]).toMatchObject({ measurements: [], score: null });
      expect(res.body.indicatorAttainment.value).toBeNull();
    });

    it('exports one CSV line per measurement', async () => {
      const lines = await csv('/views/impact-board', { asOf });
      expect(lines[1]).toBe('8. BK / 1;Empfehlung 1;Jugendliche mit Anschlussperspektive;Prozent;increase;Fachgremium Übergang Schule/Beruf;10;2018-12-01;30;2021-12-31;2020-03-01;25;0,75');
    });
  });

  describe('sustainability board (view 4)', () => {
    it('sorts the implemented by review outcome and anchoring', async () => {
      const res = await get('/views/sustainability-board', { asOf }).expect(200);
      expect(res.body.byStanding).toEqual({ sustained: 1, at_risk: 0, lapsed: 1, unreviewed: 0 });
      expect(res.body.anchoringOfSustained).toEqual({ budget: 1 });
      expect(res.body.figures.sustainabilityRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
      expect(res.body.dueNotReviewed).toEqual([]);
      expect(res.body.items.map((i: { reference: string; standing: string }) => `${i.reference}:${i.standing}`).sort()).toEqual(['8. BK / 1:sustained', '8. BK / 3:lapsed']);
      // Each names its conference, so the board's chart can group by it.
      expect(res.body.items.map((i: { conferenceId: string }) => i.conferenceId)).toEqual([w.bk8, w.bk8]);
    });

    it('knownAt before R1’s review was recorded: R1 is due and not reviewed', async () => {
      const res = await get('/views/sustainability-board', { asOf, knownAt: w.beforeLateEntries }).expect(200);
      expect(res.body.dueNotReviewed).toEqual([expect.objectContaining({ recommendationId: w.r.r1, implementedOn: '2019-10-15', reviewDueOn: '2020-10-15' })]);
      expect(res.body.byStanding.unreviewed).toBe(1);
    });

    it('asOf 2020-06-30: R1 and R3 are implemented but their review is not due yet', async () => {
      const res = await get('/views/sustainability-board', { asOf: '2020-06-30' }).expect(200);
      expect(res.body.items).toEqual([]);
      expect(res.body.notYetDue.map((i: { reference: string }) => i.reference).sort()).toEqual(['8. BK / 1', '8. BK / 3']);
    });
  });

  describe('recommendation page (view 5)', () => {
    it('shows state, assignments and the German timeline with who recorded what', async () => {
      const res = await get(`/recommendations/${w.r.r3}/page`, { asOf }).expect(200);
      expect(res.body.recommendation).toMatchObject({ reference: '8. BK / 3', conference: '8. Bildungskonferenz', lifecycle: 'lapsed', partiallyImplementedOn: '2020-01-10' });
      expect(res.body.assignments.map((a: { committee: string; state: string }) => `${a.committee}:${a.state}`)).toEqual([
        'Fachgremium Übergang Schule/Beruf:declined',
        'Fachgremium Bildungsförderung 0–10:accepted',
      ]);
      const timeline = res.body.timeline as { type: string; businessDate: string; sentence: string; actor: { userId: string; role: string } }[];
      expect(timeline.map((e) => e.businessDate)).toEqual(['2018-11-20', '2019-02-01', '2019-02-20', '2019-03-01', '2019-03-10', '2020-01-10', '2021-02-01']);
      expect(timeline[2]).toMatchObject({ type: 'HandOffDeclined', actor: { userId: 'buero.test', role: 'office', onBehalfOf: w.c1 } });
      expect(timeline[2]!.sentence).toBe(
        'Das Gremium „Fachgremium Übergang Schule/Beruf“ hat die Übergabe abgelehnt. Grund: Nicht zuständig. Erfasst vom Bildungsbüro im Namen des Gremiums „Fachgremium Übergang Schule/Beruf“.',
      );
      expect(timeline[4]).toMatchObject({ type: 'HandOffAccepted', actor: { userId: 'gremium.test', role: 'committee', onBehalfOf: null } });
      expect(timeline[0]!.sentence).toContain('Empfehlung 8. BK / 3 „Empfehlung 3“ von der 8. Bildungskonferenz am 20.11.2018 beschlossen.');
    });

    it('asOf and knownAt replay the page: R2 before its late report is only handed off', async () => {
      const now = await get(`/recommendations/${w.r.r2}/page`, { asOf }).expect(200);
      expect(now.body.recommendation.lifecycle).toBe('in_progress');
      const before = await get(`/recommendations/${w.r.r2}/page`, { asOf, knownAt: w.beforeLateEntries }).expect(200);
      expect(before.body.recommendation.lifecycle).toBe('handed_off');
      expect(before.body.timeline.map((e: { type: string }) => e.type)).not.toContain('ImplementationStatusReported');
      expect(before.body.revision).toBe(now.body.revision - 1);
      const early = await get(`/recommendations/${w.r.r2}/page`, { asOf: '2019-05-01' }).expect(200);
      expect(early.body.assignments).toEqual([expect.objectContaining({ committeeId: w.c2, state: 'pending' })]);
      await get(`/recommendations/${w.r.r2}/page`, { asOf: '2018-11-19' }).expect(404);
    });

    it('shows a correction beside the entry it corrects; knownAt before it shows the original', async () => {
      const [adoption] = await eventStoreOf(t.app).readStream(`recommendation-${w.r.r5}`);
      const beforeCorrection = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await request(t.url)
        .post(`${w.base}/recommendations/${w.r.r5}/corrections`)
        .set(actors.office())
        .send({ correctsEventId: adoption!.id, correctedEventType: 'RecommendationAdopted', correctedFields: { reference: '8. BK / 5a' }, reason: 'Nummer falsch übertragen' })
        .expect(201);
      const res = await get(`/recommendations/${w.r.r5}/page`).expect(200);
      expect(res.body.recommendation.reference).toBe('8. BK / 5a');
      const entry = res.body.timeline[0];
      expect(entry.type).toBe('RecommendationAdopted');
      expect(entry.sentence).toContain('Empfehlung 8. BK / 5 „Empfehlung 5“');
      expect(entry.correctedSentence).toContain('Empfehlung 8. BK / 5a „Empfehlung 5“');
      expect(entry.corrections).toEqual([
        expect.objectContaining({ reason: 'Nummer falsch übertragen', actor: { userId: 'buero.test', name: null, role: 'office', onBehalfOf: null } }),
      ]);
      expect(entry.corrections[0].sentence).toMatch(/^Korrektur .*„8\. BK \/ 5“ auf „8\. BK \/ 5a“/);
      // The correction is shown beside its entry, not again on its own.
      expect(res.body.timeline.filter((e: { type: string }) => e.type === 'EntryCorrected')).toEqual([]);

      const original = await get(`/recommendations/${w.r.r5}/page`, { knownAt: beforeCorrection }).expect(200);
      expect(original.body.recommendation.reference).toBe('8. BK / 5');
      expect(original.body.timeline[0].corrections).toEqual([]);
      expect(original.body.timeline[0]).not.toHaveProperty('correctedSentence');
    });

    it('404 for an unknown recommendation or one of another region', async () => {
      await get(`/recommendations/${randomUUID()}/page`).expect(404);
      await get(`/recommendations/${w.c1}/page`).expect(404);
    });
  });

  describe('recommendation list', () => {
    const refs = (body: { items: { reference: string }[] }) => body.items.map((i) => i.reference);

    it('filters by conference, year, lifecycle, committee, field of action and stalled', async () => {
      expect(refs((await get('/recommendations', { asOf, conference: w.bk8 }).expect(200)).body)).toEqual(['8. BK / 1', '8. BK / 2', '8. BK / 3', '8. BK / 4', expect.stringMatching(/^8\. BK \/ 5/)]);
      expect(refs((await get('/recommendations', { asOf, year: '2019' }).expect(200)).body)).toEqual([]);
      expect(refs((await get('/recommendations', { asOf, lifecycle: 'withdrawn' }).expect(200)).body)).toEqual(['8. BK / 4']);
      expect(refs((await get('/recommendations', { asOf, committee: w.c1 }).expect(200)).body)).toEqual(['8. BK / 1', '8. BK / 3']);
      expect(refs((await get('/recommendations', { asOf, fieldOfAction: 'Inklusion' }).expect(200)).body)).toEqual(['8. BK / 2', '8. BK / 4', expect.stringMatching(/^8\. BK \/ 5/)]);
      expect(refs((await get('/recommendations', { asOf, stalled: 'true' }).expect(200)).body)).toEqual(['8. BK / 2', expect.stringMatching(/^8\. BK \/ 5/)]);
      const r2 = (await get('/recommendations', { asOf, lifecycle: 'in_progress' }).expect(200)).body.items[0];
      expect(r2).toMatchObject({ reference: '8. BK / 2', stalled: true, overdue: true, nextReportDueOn: '2020-03-01', committees: [{ committeeId: w.c2, name: 'Fachgremium Inklusion', state: 'accepted', answerDueOn: null, dueOn: '2020-03-01', overdue: true }] });
    });

    it('names each hand-off with its decision day, answer due day (pending: 60 days later) and current due day', async () => {
      const early = (await get('/recommendations', { asOf: '2019-03-05' }).expect(200)).body.items as { reference: string; committees: object[] }[];
      expect(early.find((i) => i.reference === '8. BK / 3')!.committees).toEqual([
        { committeeId: w.c1, name: 'Fachgremium Übergang Schule/Beruf', state: 'declined', decidedOn: '2019-02-01', answerDueOn: null, dueOn: null, overdue: false },
        { committeeId: w.c3, name: 'Fachgremium Bildungsförderung 0–10', state: 'pending', decidedOn: '2019-03-01', answerDueOn: '2019-04-30', dueOn: '2019-09-01', overdue: false },
      ]);
    });

    it('pages with a cursor: every item once, in order, limit at most 200', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await get('/recommendations', { asOf, limit: '2', ...(cursor ? { cursor } : {}) }).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        expect(res.body.total).toBe(5);
        seen.push(...res.body.items.map((i: { recommendationId: string }) => i.recommendationId));
        cursor = res.body.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([w.r.r1, w.r.r2, w.r.r3, w.r.r4, w.r.r5]);
      await get('/recommendations', { limit: '201' }).expect(400);
      await get('/recommendations', { limit: '0' }).expect(400);
      const bad = await get('/recommendations', { cursor: 'kein-cursor' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      await get('/recommendations', { lifecycle: 'fertig' }).expect(400);
      await get('/recommendations', { conference: randomUUID() }).expect(404);
    });

    it('exports the whole filtered list as CSV, unpaged', async () => {
      const lines = await csv('/recommendations', { asOf, limit: '1' });
      expect(lines[0]).toBe('Nummer;Titel;Konferenz;Beschlossen am;Handlungsfelder;Zustand;Stockt;Gremien;Nächster Bericht fällig;Überfällig;Stand');
      expect(lines).toHaveLength(1 + 5 + 1);
      expect(lines[2]).toBe('8. BK / 2;Empfehlung 2;8. Bildungskonferenz;2018-11-20;Inklusion;in_progress;ja;Fachgremium Inklusion (accepted);2020-03-01;ja;2021-06-30');
    });
  });

  describe('report to the conference (view 7)', () => {
    it('puts the figures, the funnel and the names behind them on one page', async () => {
      const res = await get(`/conferences/${w.bk8}/report`, { asOf }).expect(200);
      expect(res.body.conference).toMatchObject({ label: '8. Bildungskonferenz', heldOn: '2018-11-20' });
      expect(res.body.figures.handoffRate).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
      expect(res.body.figures.loopClosureRate.value).toBe(0.25);
      expect(res.body.overdueReports).toEqual([{ reference: '8. BK / 2', title: 'Empfehlung 2', committee: 'Fachgremium Inklusion', dueOn: '2020-03-01' }]);
      expect(res.body.stalled.map((s: { reference: string }) => s.reference)).toEqual(['8. BK / 2', expect.stringMatching(/^8\. BK \/ 5/)]);
      expect(res.body.recommendations).toHaveLength(5);
    });

    it('counts as the funnel does for the same cohort, at every time point', async () => {
      const points: Record<string, string>[] = [{ asOf }, { asOf: '2019-03-01' }, { asOf, knownAt: w.beforeLateEntries }];
      for (const point of points) {
        const report = (await get(`/conferences/${w.bk8}/report`, point).expect(200)).body as { funnel: { stage: string; count: number }[] };
        const funnel = (await get('/views/funnel', point).expect(200)).body as { conferences: { conferenceId: string; stages: { stage: string; count: number }[] }[] };
        const group = funnel.conferences.find((c) => c.conferenceId === w.bk8)!;
        expect({ point, counts: report.funnel.map((s) => [s.stage, s.count]) }).toEqual({ point, counts: group.stages.map((s) => [s.stage, s.count]) });
      }
      // The withdrawn R4 is named on the page, and counted nowhere.
      const now = (await get(`/conferences/${w.bk8}/report`, { asOf }).expect(200)).body;
      expect(now.funnel[0]).toEqual({ stage: 'adopted', count: 4, share: 1 });
      expect(now.recommendations.filter((r: { lifecycle: string }) => r.lifecycle === 'withdrawn')).toHaveLength(1);
    });

    it('prints as HTML and exports CSV', async () => {
      const html = await get(`/conferences/${w.bk8}/report`, { asOf, format: 'html' }).expect(200).expect('Content-Type', /^text\/html/);
      expect(html.text).toContain('<h1>Bericht an die 8. Bildungskonferenz</h1>');
      expect(html.text).toContain('Stand 30.06.2021');
      expect(html.text).toMatch(/50\s%\s\(2 von 4\)/);
      const lines = await csv(`/conferences/${w.bk8}/report`, { asOf });
      expect(lines).toContain('8. Bildungskonferenz;2021-06-30;indicatorAttainment;0,75;0,75;1');
    });

    it('404 for a conference of no region of ours', async () => {
      const res = await get(`/conferences/${randomUUID()}/report`).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  // Last: it changes R5 today, which the tests above (asOf 2021) must not see anyway.
  it('by default (today, now) every view sees a command the moment it is answered', async () => {
    const before = (await get('/recommendations', { lifecycle: 'handed_off' }).expect(200)).body.items.map((i: { recommendationId: string }) => i.recommendationId);
    expect(before).not.toContain(w.r.r5);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    await request(t.url)
      .post(`${w.base}/recommendations/${w.r.r5}/hand-offs`)
      .set(actors.steering())
      .send({ committeeId: w.c2, mandate: 'Prüfen', decidedOn: today, reportDueOn: today })
      .expect(201);
    const after = (await get('/recommendations', { lifecycle: 'handed_off' }).expect(200)).body.items.map((i: { recommendationId: string }) => i.recommendationId);
    expect(after).toContain(w.r.r5);
    const funnel = await get('/views/funnel').expect(200);
    expect(stagesOf(funnel.body)).toMatchObject({ adopted: 4, handedOff: 4 });
    // The worked example's day does not move.
    expect(stagesOf((await get('/views/funnel', { asOf }).expect(200)).body)).toMatchObject({ handedOff: 3 });
  });

  it('documents every query endpoint with asOf and knownAt in OpenAPI', async () => {
    const doc = (await request(t.url).get('/api/docs-json').expect(200)).body as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const R = '/api/regions/{regionId}';
    for (const path of [
      `${R}/figures`,
      `${R}/views/funnel`,
      `${R}/views/committee-scorecard`,
      `${R}/views/impact-board`,
      `${R}/views/sustainability-board`,
      `${R}/recommendations`,
      `${R}/recommendations/{recommendationId}/page`,
      `${R}/conferences/{conferenceId}/report`,
    ]) {
      const names = (doc.paths[path]?.get?.parameters ?? []).map((p) => p.name);
      expect({ path, asOf: names.includes('asOf'), knownAt: names.includes('knownAt') }).toEqual({ path, asOf: true, knownAt: true });
    }
    const full = doc as unknown as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> } }>; components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(full.paths[`${R}/figures`]!.get.responses['200']!.content['application/json']!.schema.$ref).toBe('#/components/schemas/FiguresResultDto');
    expect(Object.keys(full.components.schemas.FigureValueDto!.properties)).toEqual(['value', 'numerator', 'denominator', 'count', 'medianDays']);
    expect(full.paths[`${R}/recommendations`]!.get.responses['200']!.content['application/json']!.schema.$ref).toBe('#/components/schemas/RecommendationListResultDto');
    const list = doc.paths[`${R}/recommendations`]!.get!.parameters!.map((p) => p.name);
    expect(list).toEqual(expect.arrayContaining(['conference', 'year', 'lifecycle', 'committee', 'fieldOfAction', 'stalled', 'cursor', 'limit', 'format']));
  });
});
