import { jest } from '@jest/globals';
import request from 'supertest';
import { calendarDateOf } from '@app/domain';
import { actors } from '../support/actors';
import { adopt, type RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const ONLY_DATE: Parameters<typeof jest.useFakeTimers>[0] = {
  advanceTimers: true,
  doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
};

interface Entry {
  eventId: string;
  type: string;
  businessDate: string;
  recordedAt: string;
  actor: { userId: string; role: string; onBehalfOf: string | null; text: string } | null;
  description: string;
  changes: { field: string; label: string; before: unknown; after: unknown }[];
  lifecycle: { before: string | null; after: string | null };
  changed: string[];
  original?: { description: string; data: Record<string, unknown> };
  corrections: { eventId: string; reason: string; changes: { field: string; before: unknown; after: unknown }[] }[];
  corrects?: { eventId: string; type: string | null };
}

/**
 * Time travel on both axes, with the record axis made real: the first steps are recorded with the
 * process clock set three days back (only Date is faked), so "yesterday" lies between them and a
 * back-dated report recorded today.
 */
describe('audit: a recommendation’s history, on both time axes', () => {
  let t: TestApp;
  let f: RegionFixture;
  let id: string;
  let path: string;
  const realNow = Date.now();
  const today = calendarDateOf(new Date(realNow));
  const lastMonth = calendarDateOf(new Date(realNow - 30 * DAY));
  const dayBefore = calendarDateOf(new Date(realNow - 31 * DAY));
  const yesterday = new Date(realNow - DAY).toISOString();
  let reportEventId: string;

  const history = async (query: Record<string, string> = {}, headers = actors.auditor()) => {
    const res = await request(t.url).get(`${path}/history`).query(query).set(headers);
    if (res.status !== 200) throw new Error(`history → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { revision: string | null; state: { lifecycle: { state: string } } | null; entries: Entry[]; asOf: string; knownAt: string | null };
  };

  beforeAll(async () => {
    jest.useFakeTimers({ ...ONLY_DATE, now: realNow - 3 * DAY });
    try {
      t = await startTestApp();
      f = await setUpRegion(t.url);
      id = await adopt(t.url, f);
      path = `${f.base}/recommendations/${id}`;
      await request(t.url).post(`${path}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Konzept erarbeiten', reportDueOn: '2026-09-30', decidedOn: '2026-04-15' }).expect(201);
      await request(t.url).post(`${path}/hand-offs/${f.committeeId}/acceptance`).set(actors.officeFor(f.committeeId)).send({ on: '2026-05-04' }).expect(201);
    } finally {
      jest.useRealTimers();
    }
    // Today: a report dated last month, recorded only now (back-dated).
    const report = await request(t.url)
      .post(`${path}/status-reports`)
      .set(actors.committee(f.committeeId))
      .send({ committeeId: f.committeeId, status: 'in_progress', progressPercent: 40, summary: 'Konzept liegt vor.', evidence: [], reportedOn: lastMonth })
      .expect(201);
    reportEventId = report.body.events[0].eventId;
  });
  afterAll(() => t?.close());

  it('knownAt yesterday does not see the back-dated report; asOf last month does', async () => {
    const known = await history({ knownAt: yesterday });
    expect(known.entries.map((e) => e.type)).toEqual(['RecommendationAdopted', 'RecommendationHandedOff', 'HandOffAccepted']);
    expect(known.state?.lifecycle.state).toBe('handed_off');
    expect(known.revision).toBe('2');

    const asOf = await history({ asOf: lastMonth });
    expect(asOf.entries.map((e) => e.type)).toContain('ImplementationStatusReported');
    expect(asOf.state?.lifecycle.state).toBe('in_progress');

    // The business axis on its own: the day before the report's date does not see it either.
    const before = await history({ asOf: dayBefore });
    expect(before.entries.map((e) => e.type)).not.toContain('ImplementationStatusReported');
    expect(before.state?.lifecycle.state).toBe('handed_off');
  });

  it('lists each event with business date, record time, actor (and on whose behalf) and a German sentence', async () => {
    const { entries } = await history();
    const [adopted, handedOff, accepted, reported] = entries;
    expect(adopted).toMatchObject({ type: 'RecommendationAdopted', businessDate: '2026-03-12', actor: { userId: 'buero.test', role: 'office', onBehalfOf: null }, lifecycle: { before: null, after: 'adopted' } });
    expect(adopted.description).toMatch(/^Empfehlung 9\. BK \/ 3 „Berufsorientierung/);
    expect(handedOff).toMatchObject({ businessDate: '2026-04-15', actor: { role: 'steering' }, lifecycle: { before: 'adopted', after: 'handed_off' } });
    expect(handedOff.description).toContain('Übergabe an das Gremium „Fachgremium Übergang Schule/Beruf“');
    expect(accepted.actor).toMatchObject({ role: 'office', onBehalfOf: f.committeeId, text: 'Regionales Bildungsbüro (buero.test) im Namen des Gremiums „Fachgremium Übergang Schule/Beruf“' });
    expect(accepted.description).toContain('Erfasst vom Bildungsbüro im Namen des Gremiums');
    expect(reported).toMatchObject({ eventId: reportEventId, businessDate: lastMonth, actor: { role: 'committee' }, lifecycle: { before: 'handed_off', after: 'in_progress' } });
    expect(reported.changed).toEqual(['Stand: übergeben → in Umsetzung']);
    expect(adopted.changed).toEqual(['Stand: (noch nicht beschlossen) → beschlossen']);
    // Record time is the server's: three days back for the first steps, today for the report.
    expect(Date.parse(adopted.recordedAt)).toBeLessThan(Date.parse(yesterday));
    expect(calendarDateOf(new Date(reported.recordedAt))).toBe(today);
  });

  it('shows a correction beside the event it corrects, and knownAt before it still sees the original', async () => {
    const beforeCorrection = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await request(t.url)
      .post(`${path}/corrections`)
      .set(actors.office())
      .send({ correctsEventId: reportEventId, correctedEventType: 'ImplementationStatusReported', correctedFields: { reportedOn: dayBefore }, reason: 'Datum laut Protokoll.' })
      .expect(201);

    const { entries } = await history();
    const report = entries.find((e) => e.eventId === reportEventId)!;
    expect(report.businessDate).toBe(dayBefore);
    expect(report.original?.data.reportedOn).toBe(lastMonth);
    expect(report.corrections).toHaveLength(1);
    expect(report.corrections[0]).toMatchObject({ reason: 'Datum laut Protokoll.', changes: [{ field: 'reportedOn', before: lastMonth, after: dayBefore }] });
    const correction = entries.find((e) => e.type === 'EntryCorrected')!;
    expect(correction.corrects).toMatchObject({ eventId: reportEventId, type: 'ImplementationStatusReported' });
    const german = (d: string) => d.split('-').reverse().join('.');
    expect(correction.changes).toEqual([{ field: 'reportedOn', label: 'Berichtsdatum', before: lastMonth, after: dayBefore, text: `Berichtsdatum: ${german(lastMonth)} → ${german(dayBefore)}` }]);
    expect(correction.changed).toEqual([`Berichtsdatum: ${german(lastMonth)} → ${german(dayBefore)}`]);
    expect(correction.description).toMatch(/^Korrektur/);

    // asOf the day before last month now sees the report (moved by the correction) ...
    expect((await history({ asOf: dayBefore })).state?.lifecycle.state).toBe('in_progress');
    // ... but not as known before the correction was recorded.
    const old = await history({ asOf: dayBefore, knownAt: beforeCorrection });
    expect(old.state?.lifecycle.state).toBe('handed_off');
    expect(old.entries.find((e) => e.eventId === reportEventId)).toBeUndefined();
    expect((await history({ knownAt: beforeCorrection })).entries.find((e) => e.eventId === reportEventId)).toMatchObject({ businessDate: lastMonth, corrections: [] });
  });

  it('gives the raw events as stored, with their chain hashes, also as known at a time', async () => {
    const all = await request(t.url).get(`${path}/events`).set(actors.committee(f.committeeId)).expect(200);
    expect(all.body.events.map((e: { type: string }) => e.type)).toEqual(['RecommendationAdopted', 'RecommendationHandedOff', 'HandOffAccepted', 'ImplementationStatusReported', 'EntryCorrected']);
    expect(all.body.events[3]).toMatchObject({ eventId: reportEventId, revision: '3', data: { reportedOn: lastMonth }, metadata: { actor: { role: 'committee' } } });
    for (const e of all.body.events) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    const known = await request(t.url).get(`${path}/events`).query({ knownAt: yesterday }).set(actors.auditor()).expect(200);
    expect(known.body.events).toHaveLength(3);
  });

  it('refuses bad time points and unknown parameters with one 400, and unknown recommendations with 404', async () => {
    const bad = await request(t.url).get(`${path}/history`).query({ asOf: '2026-13-01', knownAt: 'gestern', asof: 'x' }).set(actors.auditor()).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'asof', 'knownAt']);
    await request(t.url).get(`${f.base}/recommendations/00000000-0000-4000-8000-000000000000/history`).set(actors.auditor()).expect(404);
  });

  it('shows what an amendment changed, field by field, before and after', async () => {
    await request(t.url).post(`${path}/amendments`).set(actors.office()).send({ title: 'Berufsorientierung ab Klasse 7', reason: 'Redaktion.' }).expect(201);
    const amended = (await history()).entries.find((e) => e.type === 'RecommendationAmended')!;
    expect(amended.changes).toEqual([
      { field: 'title', label: 'Titel', before: 'Berufsorientierung ab Klasse 8 verbindlich verankern', after: 'Berufsorientierung ab Klasse 7', text: 'Titel: „Berufsorientierung ab Klasse 8 verbindlich verankern“ → „Berufsorientierung ab Klasse 7“' },
    ]);
    expect(amended.changed).toEqual(['Titel: „Berufsorientierung ab Klasse 8 verbindlich verankern“ → „Berufsorientierung ab Klasse 7“']);
    expect(amended.description).toBe('Empfehlung geändert (Titel). Grund: Redaktion.');
  });
});
