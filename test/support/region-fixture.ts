import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actInRegion, actors } from './actors';

/** Ids of a small region set up through the HTTP API: one held conference, two committees. */
export interface RegionFixture {
  regionId: string;
  conferenceId: string;
  laterConferenceId: string;
  committeeId: string;
  otherCommitteeId: string;
  base: string;
}

async function created(url: string, path: string, body: object, headers = actors.office()): Promise<string> {
  const res = await request(url).post(path).set(headers).send(body);
  if (res.status !== 201) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

export async function setUpRegion(url: string): Promise<RegionFixture> {
  // The office's account names the region before it is registered (npm run user:create -- --region …).
  const newRegionId = randomUUID();
  actInRegion(newRegionId);
  const regionId = await created(url, '/api/regions', { regionId: newRegionId, name: 'Regionales Bildungsnetzwerk Düsseldorf', contractSignedOn: '2009-08-24' });
  const base = `/api/regions/${regionId}`;
  const conferenceId = await created(url, `${base}/conferences`, {
    number: 9,
    kind: 'bildungskonferenz',
    title: '9. Bildungskonferenz',
    date: '2026-03-12',
    topics: ['Übergang Schule/Beruf'],
    effectiveOn: '2025-11-03',
  });
  const laterConferenceId = await created(url, `${base}/conferences`, {
    number: 10,
    kind: 'bildungskonferenz',
    title: '10. Bildungskonferenz',
    date: '2026-10-15',
    topics: ['Inklusion'],
    effectiveOn: '2026-03-20',
  });
  const committeeId = await created(url, `${base}/committees`, {
    name: 'Fachgremium Übergang Schule/Beruf',
    shortName: 'FG ÜSB',
    kind: 'fachgremium',
    fieldsOfAction: ['Übergang Schule/Beruf'],
    effectiveOn: '2024-02-01',
  });
  const otherCommitteeId = await created(url, `${base}/committees`, {
    name: 'Schulausschuss',
    shortName: 'SchA',
    kind: 'ausschuss',
    fieldsOfAction: ['Inklusion'],
    effectiveOn: '2024-02-01',
  });
  return { regionId, conferenceId, laterConferenceId, committeeId, otherCommitteeId, base };
}

export const adoptionBody = (conferenceId: string, committeeIds: string[] = []) => ({
  conferenceId,
  reference: '9. BK / 3',
  title: 'Berufsorientierung ab Klasse 8 verbindlich verankern',
  text: 'Die Bildungskonferenz empfiehlt, an allen weiterführenden Schulen ab Klasse 8 eine verbindliche Berufsorientierung einzuführen.',
  fieldsOfAction: ['Übergang Schule/Beruf'],
  addressees: { committeeIds, decisionMakers: ['Rat der Stadt'] },
  originCommitteeIds: [],
  adoptedOn: '2026-03-12',
});

export async function adopt(url: string, fixture: RegionFixture): Promise<string> {
  return created(url, `${fixture.base}/recommendations`, adoptionBody(fixture.conferenceId, [fixture.committeeId]));
}

/** A recommendation with an accepted hand-off and an indicator, so measurements can be recorded again and again. */
export async function measurable(url: string, f: RegionFixture) {
  const id = await adopt(url, f);
  const path = `${f.base}/recommendations/${id}`;
  const member = actors.committee(f.committeeId);
  await request(url).post(`${path}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Messen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
  await request(url).post(`${path}/hand-offs/${f.committeeId}/acceptance`).set(member).send({ on: '2026-05-04' }).expect(201);
  const indicator = await request(url)
    .post(`${path}/indicators`)
    .set(member)
    .send({ committeeId: f.committeeId, name: 'Quote', unit: 'Prozent', direction: 'increase', baseline: { value: 1, on: '2025-01-01' }, target: { value: 2, dueOn: '2028-01-01' }, source: 'Statistik' })
    .expect(201);
  const indicatorId: string = indicator.body.events[0].data.indicatorId;
  const measurementPath = `${path}/indicators/${indicatorId}/measurements`;
  const body = (value: number) => ({ committeeId: f.committeeId, value, measuredOn: '2026-07-31', source: 'Statistik' });
  const measure = (value: number, headers: Record<string, string> = {}) => request(url).post(measurementPath).set({ ...member, ...headers }).send(body(value));
  return { id, path, streamId: `recommendation-${id}`, measurementPath, body, measure };
}
