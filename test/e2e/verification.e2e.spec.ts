import request from 'supertest';
import { actors } from '../support/actors';
import { eventStoreOf } from '../support/event-log';
import { adopt, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

/** Domain rules 10 and 11 over HTTP: codes, four eyes from the recorded report's account, the page and the figures. */
describe('revised due dates and verified claims, over HTTP', () => {
  let t: TestApp;
  let f: RegionFixture;
  let path: string;
  let recommendationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
    recommendationId = await adopt(t.url, f);
    path = `${f.base}/recommendations/${recommendationId}`;
    await post('/hand-offs', { committeeId: f.committeeId, mandate: 'Konzept erarbeiten', reportDueOn: '2026-09-30', decidedOn: '2026-04-15' }, actors.steering()).expect(201);
    await post(`/hand-offs/${f.committeeId}/acceptance`, { on: '2026-04-20' }, actors.committee(f.committeeId)).expect(201);
  });
  afterAll(() => t.close());

  const post = (suffix: string, body: object, headers: Record<string, string>) => request(t.url).post(`${path}${suffix}`).set(headers).send(body);
  const revise = (body: object, headers = actors.steering()) => post(`/hand-offs/${f.committeeId}/due-date-revisions`, body, headers);
  const verify = (body: object, headers = actors.steering()) => post(`/hand-offs/${f.committeeId}/verifications`, body, headers);
  const page = async () => (await request(t.url).get(`${path}/page`).set(actors.auditor()).expect(200)).body;
  const count = async () => (await eventStoreOf(t.app).readStream(`recommendation-${recommendationId}`)).length;

  it('revises a due date: refuses unknown fields, a date before the decision and a committee member; the hand-off date stays beside it', async () => {
    const before = await count();
    expect((await revise({ newDueOn: '2026-11-30', reason: 'x', decidedOn: '2026-06-01', extra: 1 }).expect(400)).body.status).toBe(400);
    expect((await revise({ newDueOn: '2026-05-31', reason: 'Statistik kommt später', decidedOn: '2026-06-01' }).expect(409)).body.code).toBe('due-date-revision.due-before-decision');
    expect((await revise({ newDueOn: '2026-11-30', reason: 'Statistik kommt später', decidedOn: '2026-04-01' }).expect(409)).body.code).toBe('due-date-revision.before-handoff');
    expect((await revise({ newDueOn: '2026-11-30', reason: 'Statistik kommt später', decidedOn: '2026-06-01' }, actors.committee(f.committeeId)).expect(403)).body.code).toBe('permission.role');
    expect(await count()).toBe(before);
    await revise({ newDueOn: '2026-11-30', reason: 'Statistik kommt später', decidedOn: '2026-06-01' }).expect(201);
    const a = (await page()).assignments[0];
    expect(a).toMatchObject({ reportDueOn: '2026-09-30', currentDueOn: '2026-11-30', revisions: [{ newDueOn: '2026-11-30', decidedOn: '2026-06-01', reason: 'Statistik kommt später' }] });
    const sentence = (await page()).timeline.find((e: { type: string }) => e.type === 'ReportDueDateRevised').sentence;
    expect(sentence).toContain('Berichtsfrist auf den 30.11.2026 verlängert: Statistik kommt später.');
  });

  it('verifies only a claim, never by the account that recorded it, and a return needs a note', async () => {
    expect((await verify({ outcome: 'confirmed', verifiedOn: '2026-06-20' }).expect(409)).body.code).toBe('verification.no-current-claim');
    // The office records the committee's "umgesetzt" in its name, then tries to confirm it itself.
    await post('/status-reports', {
      committeeId: f.committeeId, status: 'implemented', summary: 'An allen Schulen eingeführt.', evidence: [{ title: 'Protokoll', url: 'https://example.org/p.pdf' }], reportedOn: '2026-06-15',
    }, actors.officeFor(f.committeeId)).expect(201);
    expect((await verify({ outcome: 'confirmed', verifiedOn: '2026-06-20' }, actors.office()).expect(409)).body.code).toBe('verification.by-reporting-committee');
    expect((await verify({ outcome: 'confirmed', verifiedOn: '2026-06-20' }, actors.committee(f.committeeId)).expect(403)).body.code).toBe('permission.role');
    expect((await verify({ outcome: 'returned', verifiedOn: '2026-07-01' }).expect(409)).body.code).toBe('verification.note-required');
    expect((await verify({ outcome: 'confirmed', verifiedOn: '2026-06-14' }).expect(409)).body.code).toBe('verification.before-claim');
    expect((await verify({ outcome: 'confirmed', verifiedOn: '2026-06-20', evidenceChecked: ['Anderes'] }).expect(409)).body.code).toBe('verification.evidence-unknown');
    const claim = (await page()).assignments[0].claim;
    expect(claim).toEqual({ status: 'implemented', reportedOn: '2026-06-15', verification: 'awaiting', verifiedOn: null, note: null, evidence: [{ title: 'Protokoll', url: 'https://example.org/p.pdf' }] });
    const queue = (await request(t.url).get(`${f.base}/views/claims`).set(actors.steering()).expect(200)).body.awaiting;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ recommendationId, committeeId: f.committeeId, reportedOn: '2026-06-15', summary: 'An allen Schulen eingeführt.' });
  });

  it('a returned claim counts as in progress without a due date; the committee reports again, not before the return; the new claim is confirmed the same day', async () => {
    await verify({ outcome: 'returned', verifiedOn: '2026-07-01', note: 'Nachweis für zwei Schulen fehlt', evidenceChecked: ['Protokoll'] }).expect(201);
    let p = await page();
    expect(p.assignments[0].currentDueOn).toBeUndefined();
    expect(p.assignments[0]).toMatchObject({ overdue: false, claim: { verification: 'returned', verifiedOn: '2026-07-01', note: 'Nachweis für zwei Schulen fehlt' } });
    expect(p.recommendation.implementedOn).toBeNull();
    expect(p.timeline.find((e: { type: string }) => e.type === 'ImplementationVerified').sentence).toContain('zur Nachbesserung zurückgegeben: Nachweis für zwei Schulen fehlt.');
    expect((await verify({ outcome: 'confirmed', verifiedOn: '2026-07-02' }).expect(409)).body.code).toBe('verification.no-current-claim');

    const member = actors.committee(f.committeeId);
    const report = (reportedOn: string) => ({ committeeId: f.committeeId, status: 'implemented', summary: 'Nachweise ergänzt.', evidence: [], reportedOn });
    expect((await post('/status-reports', report('2026-06-30'), member).expect(409)).body.code).toBe('status.before-return');
    await post('/status-reports', report('2026-07-10'), member).expect(201);
    await verify({ outcome: 'confirmed', verifiedOn: '2026-07-10' }).expect(201);
    expect((await verify({ outcome: 'confirmed', verifiedOn: '2026-07-11' }).expect(409)).body.code).toBe('verification.already-verified');
    p = await page();
    expect(p.recommendation.implementedOn).toBe('2026-07-10');
    expect(p.assignments[0].claim).toMatchObject({ verification: 'confirmed', verifiedOn: '2026-07-10', reportedOn: '2026-07-10' });
    expect(p.timeline.filter((e: { type: string }) => e.type === 'ImplementationVerified').at(-1).sentence).toContain('Umsetzung durch den Lenkungskreis bestätigt');

    const figures = (await request(t.url).get(`${f.base}/figures`).query({ cohort: `conference:${f.conferenceId}` }).set(actors.auditor()).expect(200)).body.groups[0].figures;
    expect(figures.verifiedImplementationRate).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(figures.dueDateRevisionRate).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(figures.unverifiedClaimRate).toEqual({ value: 0, numerator: 0, denominator: 1 });
    // As of the day before the return, the first claim stood and waited unverified for 15 days (V = 60: not yet in the base).
    const before = (await request(t.url).get(`${f.base}/figures`).query({ cohort: `conference:${f.conferenceId}`, asOf: '2026-06-30', verificationDays: '15' }).set(actors.auditor()).expect(200)).body.groups[0].figures;
    expect(before.unverifiedClaimRate).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(before.implementationRate.value).toBe(1);
    expect(before.verifiedImplementationRate.value).toBe(0);
    expect((await request(t.url).get(`${f.base}/views/claims`).set(actors.steering()).expect(200)).body.awaiting).toEqual([]);
  });
});
