import request from 'supertest';
import { CommandBus } from '@nestjs/cqrs';
import type { RecordedEvent } from '@app/event-store';
import { DEMO_ACCOUNTS } from '../../apps/api/src/auth/demo-accounts';
import { demoCommitteeId, demoRecommendationId, DEMO_REGION_ID } from '../../apps/api/src/demo/demo-ids';
import { seedDemo } from '../../apps/api/src/demo/demo-seeder';
import { demoPlan } from '../../apps/api/src/demo/plan';
import { DEMO_COMMITTEES, DEMO_CONFERENCES, DEMO_RECOMMENDATIONS } from '../../apps/api/src/demo/scenario';
import { seedDemoIfEmpty } from '../../apps/api/src/demo/seed-if-empty';
import { actInRegion, actors } from '../support/actors';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { startTestApp, TestApp } from '../support/test-app';

const SEEDING = 180_000;

/** The demo network, seeded through the real command path into a fresh database. */
describe('demo data', () => {
  let t: TestApp;
  let events: RecordedEvent[];
  const lines: string[] = [];
  const count = (type: string) => events.filter((e) => e.type === type).length;
  const base = `/api/regions/${DEMO_REGION_ID}`;

  beforeAll(async () => {
    t = await startTestApp();
    actInRegion(DEMO_REGION_ID);
  });
  afterAll(() => t.close());

  it('is not seeded on start when the database is not the embedded one, nor when SEED_DEMO=false', async () => {
    expect(await seedDemoIfEmpty(t.app, { SEED_DEMO: true }, { embedded: false })).toBeUndefined();
    expect(await seedDemoIfEmpty(t.app, { SEED_DEMO: false }, { embedded: true })).toBeUndefined();
    expect((await eventLogSnapshot(t.app)).count).toBe(0);
  });

  it('is seeded on the first start of an empty embedded database, with progress on the console', async () => {
    const result = await seedDemoIfEmpty(t.app, { SEED_DEMO: true }, { embedded: true }, (line) => lines.push(line));
    expect(result).toMatchObject({ regionId: DEMO_REGION_ID, alreadyPresent: false, contacts: 21 });
    // One event per command of the plan; one progress line per calendar year the plan spans.
    const plan = demoPlan();
    expect(result!.issued).toBe(plan.length);
    const years = new Set(plan.map((step) => step.on.slice(0, 4)));
    expect(lines.filter((l) => /^\s+\d{4}: +\d+ Befehle/.test(l))).toHaveLength(years.size);
    expect(lines.join('\n')).toContain('1. Tag der Bildung am 2019-09-14');
    events = await eventStoreOf(t.app).readAll({ limit: 100_000 });
    expect(events).toHaveLength(result!.issued);
  }, SEEDING);

  it('registers the network of the seeds: 10 conferences, the Gremien and the political committees', async () => {
    expect(count('RegionRegistered')).toBe(1);
    expect(events[0]!.data).toMatchObject({ name: 'Bildungsregion Stadt Düsseldorf (Demodaten)', contractSignedOn: '2009-08-24' });
    expect(count('ConferenceScheduled')).toBe(10);
    expect(count('ConferenceHeld')).toBe(10);
    expect(count('ConferenceRescheduled')).toBe(1);
    expect(DEMO_CONFERENCES).toHaveLength(10);
    const tag = events.find((e) => e.type === 'ConferenceScheduled' && (e.data as { kind: string }).kind === 'tag_der_bildung');
    expect(tag?.data).toMatchObject({ number: 1, date: '2019-09-14', motto: 'Bildung im digitalen Zeitalter' });
    const committees = events.filter((e) => e.type === 'CommitteeRegistered').map((e) => e.data as { name: string; kind: string });
    expect(committees).toHaveLength(DEMO_COMMITTEES.length);
    expect(committees.filter((c) => c.kind === 'fachgremium')).toHaveLength(13);
    expect(committees.filter((c) => c.kind === 'ausschuss').map((c) => c.name)).toEqual(
      expect.arrayContaining(['Schulausschuss', 'Jugendhilfeausschuss', 'Integrationsrat', 'Jugendrat', 'Beirat für Menschen mit Behinderung']),
    );
  });

  it('records every recommendation and every kind of recommendation event, each written by the role that would write it', () => {
    expect(count('RecommendationAdopted')).toBe(DEMO_RECOMMENDATIONS.length);
    expect(DEMO_RECOMMENDATIONS).toHaveLength(36);
    for (const type of [
      'RecommendationAmended', 'RecommendationHandedOff', 'HandOffAccepted', 'HandOffDeclined', 'HandOffWithdrawn',
      'ImplementationStatusReported', 'ImpactIndicatorDefined', 'ImpactMeasured', 'SustainabilityReviewed',
      'OutcomeReportedToConference', 'RecommendationWithdrawn', 'RecommendationSuperseded', 'EntryCorrected',
    ]) {
      expect({ type, present: count(type) > 0 }).toEqual({ type, present: true });
    }
    const roleOf = (e: RecordedEvent) => (e.metadata as { actor: { role: string; userId: string } }).actor;
    const rolesBy = (type: string) => new Set(events.filter((e) => e.type === type).map((e) => roleOf(e).role));
    expect(rolesBy('RecommendationAdopted')).toEqual(new Set(['office']));
    expect(rolesBy('RecommendationHandedOff')).toEqual(new Set(['steering']));
    expect(rolesBy('SustainabilityReviewed')).toEqual(new Set(['steering']));
    expect(rolesBy('HandOffAccepted')).toEqual(new Set(['committee', 'office']));
    // Four eyes and revised due dates, so a newcomer sees them: two claims confirmed, one returned, one due date revised.
    const outcomes = events.filter((e) => e.type === 'ImplementationVerified').map((e) => (e.data as { outcome: string }).outcome);
    expect(outcomes).toEqual(['confirmed', 'returned', 'confirmed']);
    expect(count('ReportDueDateRevised')).toBe(1);
    expect(rolesBy('ImplementationVerified')).toEqual(new Set(['steering']));
    expect(rolesBy('ReportDueDateRevised')).toEqual(new Set(['steering']));
    expect(events.every((e) => roleOf(e).userId.startsWith('system:demo-'))).toBe(true);
    // The office acting for a committee is recorded as such.
    const onBehalf = events.filter((e) => e.type === 'ImplementationStatusReported' && roleOf(e).role === 'office');
    expect(onBehalf.length).toBeGreaterThan(0);
    for (const e of onBehalf) expect((e.metadata as { actor: { onBehalfOf?: string } }).actor.onBehalfOf).toBe((e.data as { committeeId: string }).committeeId);
  });

  it('keeps the stories: a withdrawn recommendation refuses a further hand-off', async () => {
    const res = await request(t.url)
      .post(`${base}/recommendations/${demoRecommendationId('bk3-3')}/hand-offs`)
      .set(actors.steering())
      .send({ committeeId: demoCommitteeId('scha'), mandate: 'Noch einmal versuchen', reportDueOn: '2026-12-31', decidedOn: '2026-01-14' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('recommendation.withdrawn');
  });

  it('keeps the stories: a superseded recommendation names its successor and refuses reports', async () => {
    const superseded = events.find((e) => e.type === 'RecommendationSuperseded')!;
    expect(superseded.data).toMatchObject({ recommendationId: demoRecommendationId('bk1-2'), successorId: demoRecommendationId('bk9-1') });
    const res = await request(t.url)
      .post(`${base}/recommendations/${demoRecommendationId('bk1-2')}/status-reports`)
      .set(actors.committee(demoCommitteeId('ijhsep')))
      .send({ committeeId: demoCommitteeId('ijhsep'), status: 'implemented', summary: 'Nachtrag', evidence: [], reportedOn: '2026-01-14' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('recommendation.superseded');
  });

  it('keeps the stories: the withdrawn and the superseded recommendation have nothing due or overdue, now or on their page (rule 1)', async () => {
    const list = await request(t.url).get(`${base}/recommendations`).query({ limit: 100 }).set(actors.auditor()).expect(200);
    const item = (key: string) => list.body.items.find((i: { recommendationId: string }) => i.recommendationId === demoRecommendationId(key));
    expect(item('bk3-3')).toMatchObject({ lifecycle: 'withdrawn', overdue: false, nextReportDueOn: null });
    expect(item('bk1-2')).toMatchObject({ lifecycle: 'superseded', overdue: false, nextReportDueOn: null });
    for (const key of ['bk3-3', 'bk1-2']) {
      const page = await request(t.url).get(`${base}/recommendations/${demoRecommendationId(key)}/page`).set(actors.auditor()).expect(200);
      expect(page.body.assignments.length).toBeGreaterThan(0);
      for (const a of page.body.assignments) expect({ key, overdue: a.overdue, due: a.currentDueOn ?? null }).toEqual({ key, overdue: false, due: null });
    }
  });

  it('keeps the stories: the corrected measurement stays in the history beside its correction', async () => {
    const stream = await eventStoreOf(t.app).readStream(`recommendation-${demoRecommendationId('bk7-1')}`);
    const typo = stream.find((e) => e.type === 'ImpactMeasured' && (e.data as { value: number }).value === 8)!;
    const correction = stream.find((e) => e.type === 'EntryCorrected')!;
    expect(correction.data).toMatchObject({ correctsEventId: typo.id, correctedEventType: 'ImpactMeasured', correctedFields: { value: 80 } });
    expect(correction.revision).toBeGreaterThan(typo.revision);
  });

  it('leaves open work for the demo committee member: a pending hand-off to answer and an overdue report', async () => {
    const stream = `recommendation-${demoRecommendationId('bk9-6')}`;
    const handOffs = await eventStoreOf(t.app).readStream(stream);
    expect(handOffs.map((e) => e.type)).toEqual(['RecommendationAdopted', 'RecommendationHandedOff']);
    const before = await eventLogSnapshot(t.app);
    const res = await request(t.url)
      .post(`${base}/recommendations/${demoRecommendationId('bk9-6')}/hand-offs/${demoCommitteeId('schuwi')}/acceptance`)
      .set(actors.committee(demoCommitteeId('psek')))
      .send({ on: '2026-01-14' });
    // Another committee's member may not answer it: refused at the door by its token's committees, nothing written.
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, code: 'permission.committee' });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
    expect((await eventStoreOf(t.app).readStream(stream)).map((e) => e.type)).toEqual(['RecommendationAdopted', 'RecommendationHandedOff']);
    const overdue = events.filter(
      (e) => e.type === 'ImplementationStatusReported' && ((e.data as { nextReportDueOn?: string }).nextReportDueOn ?? '9999') < '2026-11-01',
    );
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('gives each of the 21 demo committees an example contact address, so reminders go out at once', async () => {
    const res = await request(t.url).get(`${base}/committees/${demoCommitteeId('schuwi')}/contacts`).set(actors.office()).expect(200);
    expect(res.body.contacts).toEqual([{ name: 'Vorsitz Schule/Wirtschaft', email: 'vorsitz.schuwi@duesseldorf.example' }]);
  });

  it('creates the demo accounts, and the committee member acts for two demo committees', async () => {
    const member = DEMO_ACCOUNTS.find((a) => a.role === 'committee')!;
    const login = await request(t.url).post('/api/auth/login').send({ email: member.email, password: member.password }).expect(200);
    const me = await request(t.url).get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ role: 'committee', regionIds: [DEMO_REGION_ID] });
    expect([...me.body.committeeIds].sort()).toEqual([demoCommitteeId('psek'), demoCommitteeId('schuwi')].sort());
  });

  it('seeding again writes nothing, whether on start or by npm run seed:demo', async () => {
    const before = await eventLogSnapshot(t.app);
    expect(await seedDemoIfEmpty(t.app, { SEED_DEMO: true }, { embedded: true })).toBeUndefined();
    const again = await seedDemo(t.app);
    expect(again).toMatchObject({ alreadyPresent: true, issued: 0, contacts: 0 });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  }, SEEDING);
});

describe('an interrupted demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('resumes where it stopped: the commands already written are answered from their streams, none is written twice', async () => {
    const plan = demoPlan();
    const bus = t.app.get(CommandBus);
    // The first 80 commands, as if the process had died then.
    for (const step of plan.slice(0, 80)) await bus.execute(step.command);
    expect((await eventLogSnapshot(t.app)).count).toBe(80);
    const result = await seedDemo(t.app, { accounts: false });
    expect(result).toMatchObject({ alreadyPresent: false, issued: plan.length, accounts: [] });
    const events = await eventStoreOf(t.app).readAll({ limit: 100_000 });
    expect(events).toHaveLength(plan.length);
    expect(new Set(events.map((e) => e.id)).size).toBe(plan.length);
  }, SEEDING);

  it('without accounts, no demo password logs in', async () => {
    const office = DEMO_ACCOUNTS.find((a) => a.role === 'office')!;
    const login = await request(t.url).post('/api/auth/login').send({ email: office.email, password: office.password });
    expect(login.status).toBe(401);
  });
});
