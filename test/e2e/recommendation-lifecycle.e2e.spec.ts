import request from 'supertest';
import { actors } from '../support/actors';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { adopt, adoptionBody, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

describe('a recommendation through its whole life, over HTTP', () => {
  let t: TestApp;
  let f: RegionFixture;
  let recommendationId: string;
  let path: string;
  let indicatorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  const post = (suffix: string, body: object, headers: Record<string, string>) => request(t.url).post(`${path}${suffix}`).set(headers).send(body);

  it('records the adoption (201, Location, ETag "0", the event with metadata from the server)', async () => {
    const before = Date.now();
    const res = await request(t.url)
      .post(`${f.base}/recommendations`)
      .set({ ...actors.office(), 'X-Correlation-Id': 'korrelation-1' })
      .send({
        conferenceId: f.conferenceId,
        reference: '9. BK / 3',
        title: 'Berufsorientierung ab Klasse 8 verbindlich verankern',
        text: 'Die Bildungskonferenz empfiehlt eine verbindliche Berufsorientierung.',
        fieldsOfAction: ['Übergang Schule/Beruf'],
        addressees: { committeeIds: [f.committeeId], decisionMakers: ['Rat der Stadt'] },
        originCommitteeIds: [],
        adoptedOn: '2026-03-12',
      })
      .expect(201);
    recommendationId = res.body.id;
    path = `${f.base}/recommendations/${recommendationId}`;
    expect(res.headers.location).toBe(path);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ streamId: `recommendation-${recommendationId}`, revision: 0 });
    const [event] = res.body.events;
    expect(event).toMatchObject({ type: 'RecommendationAdopted', revision: 0, data: { recommendationId, regionId: f.regionId, adoptedOn: '2026-03-12' } });
    expect(event.metadata).toMatchObject({
      eventId: event.eventId,
      regionId: f.regionId,
      actor: { userId: 'buero.test', role: 'office', committeeIds: [] },
      correlationId: 'korrelation-1',
      schemaVersion: 1,
    });
    expect(event.metadata.causationId).toBe(event.metadata.commandId);
    expect(Date.parse(event.metadata.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(event.metadata.recordedAt)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('hands it off, the committee accepts, reports, defines an indicator and measures it', async () => {
    const member = actors.committee(f.committeeId);
    const handOff = await post('/hand-offs', { committeeId: f.committeeId, mandate: 'Konzept erarbeiten', reportDueOn: '2026-09-30', decidedOn: '2026-04-15', decisionReference: 'LK 2026/04 TOP 3' }, actors.steering()).expect(201);
    expect(handOff.headers.etag).toBe('"1"');
    expect(handOff.body.events.map((e: { type: string }) => e.type)).toEqual(['RecommendationHandedOff']);

    await post(`/hand-offs/${f.committeeId}/acceptance`, { on: '2026-05-04', contact: 'Frau Schneider' }, member).expect(201);
    const report = await post(
      '/status-reports',
      {
        committeeId: f.committeeId,
        status: 'implemented',
        progressPercent: 100,
        summary: 'An allen Schulen eingeführt.',
        evidence: [{ title: 'Protokoll', url: 'https://example.org/protokoll.pdf' }],
        reportedOn: '2026-06-15',
      },
      member,
    ).expect(201);
    expect(report.body.events[0].data).toMatchObject({ status: 'implemented', evidence: [{ title: 'Protokoll', url: 'https://example.org/protokoll.pdf' }] });

    const indicator = await post(
      '/indicators',
      {
        committeeId: f.committeeId,
        name: 'Anteil mit Anschlussperspektive',
        unit: 'Prozent',
        direction: 'increase',
        baseline: { value: 42.5, on: '2025-07-31' },
        target: { value: 60, dueOn: '2028-07-31' },
        source: 'Schulstatistik',
      },
      member,
    ).expect(201);
    indicatorId = indicator.body.events[0].data.indicatorId;
    expect(indicatorId).toMatch(/^[0-9a-f-]{36}$/);

    const measured = await post(`/indicators/${indicatorId}/measurements`, { committeeId: f.committeeId, value: 47.1, measuredOn: '2026-07-31', source: 'Schulstatistik' }, member).expect(201);
    expect(measured.body.events[0]).toMatchObject({ type: 'ImpactMeasured', data: { indicatorId, value: 47.1 } });
  });

  it('records the sustainability review and the outcome reported to a later conference', async () => {
    await post('/sustainability-reviews', { reviewedOn: '2026-10-01', outcome: 'sustained', anchoring: ['budget'], note: 'Im Haushalt verankert.' }, actors.steering()).expect(201);
    const outcome = await post('/outcome-reports', { conferenceId: f.laterConferenceId, summary: 'Umgesetzt und verankert.' }, actors.office()).expect(201);
    expect(outcome.headers.etag).toBe('"7"');
  });

  it('reads the recommendation with its revision as ETag, and the stream holds every step in order', async () => {
    const res = await request(t.url).get(path).set(actors.auditor()).expect(200);
    expect(res.headers.etag).toBe('"7"');
    expect(res.body).toMatchObject({ id: recommendationId, revision: 7, state: { status: 'adopted', recommendationId } });
    expect(res.body.state.assignments[f.committeeId]).toMatchObject({ status: 'accepted' });
    await request(t.url).get(path).set({ ...actors.auditor(), 'If-None-Match': '"7"' }).expect(304);

    const events = await eventStoreOf(t.app).readStream(`recommendation-${recommendationId}`);
    expect(events.map((e) => e.type)).toEqual([
      'RecommendationAdopted',
      'RecommendationHandedOff',
      'HandOffAccepted',
      'ImplementationStatusReported',
      'ImpactIndicatorDefined',
      'ImpactMeasured',
      'SustainabilityReviewed',
      'OutcomeReportedToConference',
    ]);
    expect(events[2]!.metadata).toMatchObject({ actor: { role: 'committee', committeeIds: [f.committeeId] } });
  });

  it('records the office acting for a committee as such', async () => {
    const other = await adopt(t.url, f);
    const otherPath = `${f.base}/recommendations/${other}`;
    await request(t.url).post(`${otherPath}/hand-offs`).set(actors.steering()).send({ committeeId: f.otherCommitteeId, mandate: 'Prüfen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
    const res = await request(t.url).post(`${otherPath}/hand-offs/${f.otherCommitteeId}/decline`).set(actors.officeFor(f.otherCommitteeId)).send({ on: '2026-05-02', reason: 'Nicht zuständig.' }).expect(201);
    expect(res.body.events[0].metadata.actor).toMatchObject({ role: 'office', onBehalfOf: f.otherCommitteeId });
  });

  it('covers the remaining commands: amend, withdraw a hand-off, correct, supersede, withdraw; GET of region, conference, committee', async () => {
    const a = await adopt(t.url, f);
    const b = await adopt(t.url, f);
    const aPath = `${f.base}/recommendations/${a}`;
    const amended = await request(t.url).post(`${aPath}/amendments`).set(actors.office()).send({ title: 'Berufsorientierung ab Klasse 7', reason: 'Redaktion' }).expect(201);
    expect(amended.body.events[0].data).toMatchObject({ title: 'Berufsorientierung ab Klasse 7' });
    expect(amended.body.events[0].data).not.toHaveProperty('text');
    await request(t.url).post(`${aPath}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Prüfen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
    await request(t.url).post(`${aPath}/hand-offs/${f.committeeId}/withdrawal`).set(actors.steering()).send({ reason: 'Anderes Gremium' }).expect(201);
    const adopted = (await eventStoreOf(t.app).readStream(`recommendation-${a}`))[0]!;
    const corrected = await request(t.url)
      .post(`${aPath}/corrections`)
      .set(actors.office())
      .send({ correctsEventId: adopted.id, correctedEventType: 'RecommendationAdopted', correctedFields: { reference: '9. BK / 4' }, reason: 'Falsche Nummer übertragen' })
      .expect(201);
    expect(corrected.body.events[0]).toMatchObject({ type: 'EntryCorrected', data: { correctsEventId: adopted.id, correctedFields: { reference: '9. BK / 4' } } });
    await request(t.url).post(`${aPath}/supersession`).set(actors.steering()).send({ successorId: b, reason: 'Ersetzt' }).expect(201);
    await request(t.url).post(`${f.base}/recommendations/${b}/withdrawal`).set(actors.steering()).send({ reason: 'Erledigt' }).expect(201);

    const region = await request(t.url).get(f.base).set(actors.auditor()).expect(200);
    expect(region.headers.etag).toBe('"0"');
    expect(region.body.state).toMatchObject({ status: 'registered', name: 'Regionales Bildungsnetzwerk Düsseldorf' });
    const conference = await request(t.url).get(`${f.base}/conferences/${f.conferenceId}`).set(actors.auditor()).expect(200);
    expect(conference.body.state).toMatchObject({ number: 9, date: '2026-03-12' });
    const committee = await request(t.url).get(`${f.base}/committees/${f.committeeId}`).set(actors.auditor()).expect(200);
    expect(committee.body.state).toMatchObject({ status: 'active', shortName: 'FG ÜSB' });
  });

  it('corrections take the corrected event’s type from the stream; a wrong one given is 409; the adopting conference still bounds the date', async () => {
    const a = await adopt(t.url, f);
    const aPath = `${f.base}/recommendations/${a}`;
    const adopted = (await eventStoreOf(t.app).readStream(`recommendation-${a}`))[0]!;
    const correct = (body: object) => request(t.url).post(`${aPath}/corrections`).set(actors.office()).send({ correctsEventId: adopted.id, reason: 'Berichtigung', ...body });

    const untyped = await correct({ correctedFields: { reference: '9. BK / 4' } }).expect(201);
    expect(untyped.body.events[0]).toMatchObject({ type: 'EntryCorrected', data: { correctsEventId: adopted.id, correctedEventType: 'RecommendationAdopted', correctedFields: { reference: '9. BK / 4' } } });

    const before = await eventLogSnapshot(t.app);
    const wrong = await correct({ correctedEventType: 'ImplementationStatusReported', correctedFields: { reference: '9. BK / 5' } }).expect(409);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ code: 'correction.type-mismatch', details: { expected: 'RecommendationAdopted', given: 'ImplementationStatusReported' } });
    expect(wrong.body.detail).toMatch(/anderen Typ/);
    // The fields are validated by the stream's type even when the client names none.
    const invalid = await correct({ correctedFields: { reference: 'x'.repeat(10_000) } }).expect(400);
    expect(invalid.body.code).toBe('validation');
    const notAField = await correct({ correctedFields: { status: 'implemented' } }).expect(400);
    expect(notAField.body.code).toBe('validation');
    // Rule 7 over HTTP too: a corrected adoption date may not precede the adopting conference (2026-03-12).
    const early = await correct({ correctedFields: { adoptedOn: '2026-03-11' } }).expect(409);
    expect(early.body).toMatchObject({ code: 'adoption.before-conference', details: { conferenceDate: '2026-03-12' } });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('a supersession is not dated before its successor’s adoption, neither when recorded nor when corrected (rule 7)', async () => {
    const a = await adopt(t.url, f);
    const successor = await request(t.url)
      .post(`${f.base}/recommendations`)
      .set(actors.office())
      .send({ ...adoptionBody(f.laterConferenceId, [f.committeeId]), reference: '10. BK / 1', adoptedOn: '2026-10-15' })
      .expect(201);
    const aPath = `${f.base}/recommendations/${a}`;
    const supersede = (effectiveOn: string) =>
      request(t.url).post(`${aPath}/supersession`).set(actors.steering()).send({ successorId: successor.body.id, reason: 'Ersetzt', effectiveOn });

    const before = await eventLogSnapshot(t.app);
    const tooEarly = await supersede('2026-10-14').expect(409);
    expect(tooEarly.body).toMatchObject({ status: 409, code: 'supersede.before-successor', details: { effectiveOn: '2026-10-14', successorAdoptedOn: '2026-10-15' } });
    expect(await eventLogSnapshot(t.app)).toEqual(before);

    const superseded = await supersede('2026-10-15').expect(201);
    const supersessionId = superseded.body.events[0].eventId as string;
    const afterSupersession = await eventLogSnapshot(t.app);
    const moved = await request(t.url)
      .post(`${aPath}/corrections`)
      .set(actors.office())
      .send({ correctsEventId: supersessionId, correctedFields: { effectiveOn: '2026-09-30' }, reason: 'Datum' })
      .expect(409);
    expect(moved.body).toMatchObject({ code: 'supersede.before-successor', details: { effectiveOn: '2026-09-30', successorAdoptedOn: '2026-10-15' } });
    expect(await eventLogSnapshot(t.app)).toEqual(afterSupersession);
  });

  it('covers conference and committee changes: held, rescheduled, renamed, dissolved with successor', async () => {
    const c = await request(t.url).post(`${f.base}/conferences`).set(actors.office()).send({ number: 11, kind: 'tag_der_bildung', title: 'Tag der Bildung', date: '2027-05-20', topics: [] }).expect(201);
    const conferencePath = c.headers.location;
    await request(t.url).post(`${conferencePath}/rescheduling`).set(actors.office()).send({ date: '2027-06-10', reason: 'Ferien' }).expect(201);
    const held = await request(t.url).post(`${f.base}/conferences/${f.laterConferenceId}/held`).set(actors.office()).send({ heldOn: '2026-10-15' }).expect(201);
    expect(held.body.events[0].type).toBe('ConferenceHeld');

    const committee = await request(t.url).post(`${f.base}/committees`).set(actors.office()).send({ name: 'AG Inklusion', shortName: 'AG Ink', kind: 'extern', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-01-10' }).expect(201);
    const id = committee.body.id;
    await request(t.url).post(`${f.base}/committees/${id}/renaming`).set(actors.office()).send({ name: 'AG Inklusion und Teilhabe', shortName: 'AG IT' }).expect(201);
    const dissolved = await request(t.url).post(`${f.base}/committees/${id}/dissolution`).set(actors.office()).send({ dissolvedOn: '2026-11-01', successorCommitteeId: f.otherCommitteeId }).expect(201);
    expect(dissolved.body.events[0].data).toMatchObject({ successorCommitteeId: f.otherCommitteeId });
  });
});
