import request from 'supertest';
import type { Pool } from 'pg';
import { PG_POOL } from '../../apps/api/src/infrastructure/tokens';
import type { Role } from '@app/domain';
import { actors } from '../support/actors';
import { bearer } from '../support/auth';
import { discoverEndpoints, fillPath, keyOf, type Endpoint } from '../support/endpoints';
import { eventLogSnapshot } from '../support/event-log';
import { adopt, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const ROLES: readonly Role[] = ['office', 'steering', 'committee', 'auditor'];

/**
 * A token for region A can neither read nor write region B, by any endpoint: not under B's path,
 * and not by naming B's ids under A's path. Region B is fully populated so every id is real.
 */
describe('region isolation', () => {
  let t: TestApp;
  let a: RegionFixture;
  let b: RegionFixture;
  let bIds: Record<string, string>;
  let endpoints: Endpoint[];

  beforeAll(async () => {
    t = await startTestApp();
    a = await setUpRegion(t.url);
    b = await setUpRegion(t.url);
    const recommendationId = await adopt(t.url, b);
    const rec = `${b.base}/recommendations/${recommendationId}`;
    await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: b.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
    await request(t.url).post(`${rec}/hand-offs/${b.committeeId}/acceptance`).set(actors.committee(b.committeeId)).send({ on: '2026-05-04' }).expect(201);
    const indicator = await request(t.url)
      .post(`${rec}/indicators`)
      .set(actors.committee(b.committeeId))
      .send({ committeeId: b.committeeId, name: 'Quote', unit: 'Prozent', direction: 'increase', baseline: { value: 1, on: '2025-01-01' }, target: { value: 2, dueOn: '2028-01-01' }, source: 'Statistik' })
      .expect(201);
    const account = await request(t.url)
      .post(`${b.base}/accounts`)
      .set(await bearer('office', { regionIds: [b.regionId] }))
      .send({ email: 'auditor@region-b.de', role: 'auditor', password: 'Region-B-Passwort' })
      .expect(201);
    // A subscription of region B's auditor: A's tokens must neither see nor end it.
    const subscription = await request(t.url)
      .post(`${b.base}/subscriptions`)
      .set(await bearer('auditor', { regionIds: [b.regionId], userId: account.body.id }))
      .send({ targetType: 'committee', targetId: b.committeeId, mode: 'daily' })
      .expect(201);
    bIds = {
      accountId: account.body.id,
      subscriptionId: subscription.body.subscriptionId,
      regionId: b.regionId,
      recommendationId,
      committeeId: b.committeeId,
      conferenceId: b.conferenceId,
      indicatorId: indicator.body.events[0].data.indicatorId,
    };
    endpoints = (await discoverEndpoints(t.app, t.url)).routed;
  });
  afterAll(() => t.close());

  /** Tokens of region A only; the committee member even claims B's committees, which must not help. */
  const tokenOfA = (role: Role) => bearer(role, { regionIds: [a.regionId], committeeIds: role === 'committee' ? [a.committeeId, b.committeeId] : [] });
  const body = () => ({ regionId: b.regionId, committeeId: b.committeeId, summary: 'x', reason: 'x', enabled: true });
  const send = (endpoint: Endpoint, path: string, auth: Record<string, string>, payload: object = body()) => {
    const r = request(t.url)[endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path).set(auth);
    return endpoint.method === 'GET' ? r : r.send(payload);
  };

  /** Bodies that pass validation, so a write under A's path with B's ids reaches the region lookup. */
  const validBody = (path: string): object | undefined => {
    const c = b.committeeId;
    const bodies: [RegExp, object][] = [
      [/\/held$/, { heldOn: '2026-03-12' }],
      [/\/rescheduling$/, { date: '2027-01-10', reason: 'Ferien' }],
      [/\/renaming$/, { name: 'Neu', shortName: 'N' }],
      [/\/dissolution$/, { dissolvedOn: '2026-11-01' }],
      [/\/amendments$/, { title: 'Neu', reason: 'Redaktion' }],
      [/\/corrections$/, { correctsEventId: bIds.recommendationId, correctedEventType: 'ImplementationStatusReported', correctedFields: { reportedOn: '2026-06-12' }, reason: 'Datum' }],
      [/\/outcome-reports$/, { conferenceId: b.laterConferenceId, summary: 'Ergebnis' }],
      [/\/hand-offs$/, { committeeId: c, mandate: 'Umsetzen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }],
      [/\/hand-offs\/[^/]+\/withdrawal$/, { reason: 'Anders' }],
      [/\/acceptance$/, { on: '2026-05-04' }],
      [/\/due-date-revisions$/, { newDueOn: '2027-01-31', reason: 'Mehr Zeit', decidedOn: '2026-06-01' }],
      [/\/verifications$/, { outcome: 'confirmed', verifiedOn: '2026-06-02' }],
      [/\/decline$/, { on: '2026-05-04', reason: 'Nicht zuständig' }],
      [/\/status-reports$/, { committeeId: c, status: 'in_progress', summary: 'Läuft', evidence: [], reportedOn: '2026-06-01' }],
      [/\/indicators$/, { committeeId: c, name: 'Quote', unit: 'Prozent', direction: 'increase', baseline: { value: 1, on: '2025-01-01' }, target: { value: 2, dueOn: '2028-01-01' }, source: 'Statistik' }],
      [/\/measurements$/, { committeeId: c, value: 1.5, measuredOn: '2026-07-31', source: 'Statistik' }],
      [/\/sustainability-reviews$/, { reviewedOn: '2026-10-01', outcome: 'sustained', anchoring: ['budget'], note: 'Verankert' }],
      [/\/supersession$/, { successorId: bIds.recommendationId, reason: 'Ersetzt' }],
      [/\/withdrawal$/, { reason: 'Erledigt' }],
      [/\/disable$/, {}],
      [/\/calendar-feed$/, {}],
      [/\/contacts$/, { contacts: [{ name: 'Frau Beispiel', email: 'vorsitz@beispiel.de' }] }],
      [/\/subscriptions(\/[^/]+)?$/, { targetType: 'committee', targetId: c, mode: 'change' }],
    ];
    return bodies.find(([pattern]) => pattern.test(path))?.[1];
  };

  it('refuses every region-B endpoint to every role of region A with 403, writing nothing', async () => {
    const before = await eventLogSnapshot(t.app);
    const scoped = endpoints.filter((e) => e.path.startsWith('/api/regions/{regionId}'));
    expect(scoped.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const endpoint of scoped) {
      const codes: string[] = [];
      for (const role of ROLES) {
        const res = await send(endpoint, fillPath(endpoint.path, (p) => bIds[p]!), await tokenOfA(role));
        codes.push(res.body?.code);
        // Roles the endpoint never allows are refused for their role first; the others for the region.
        if (res.status !== 403 || !['permission.region', 'permission.role'].includes(res.body.code)) leaks.push(`${keyOf(endpoint)} as ${role} of A: ${res.status} ${res.body?.code ?? ''}`);
      }
      if (!codes.includes('permission.region')) leaks.push(`${keyOf(endpoint)}: no role reached the region check`);
      const anonymous = await send(endpoint, fillPath(endpoint.path, (p) => bIds[p]!), {});
      if (anonymous.status !== 401) leaks.push(`${keyOf(endpoint)} anonymous (B not public): ${anonymous.status}`);
    }
    expect(leaks).toEqual([]);
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('answers the public views of region B, which has not switched them on, with 404 to everyone', async () => {
    const published = endpoints.filter((e) => e.path.startsWith('/api/public/regions/{regionId}'));
    expect(published.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const endpoint of published) {
      const path = fillPath(endpoint.path, (p) => bIds[p]!);
      for (const auth of [...(await Promise.all(ROLES.map(tokenOfA))), {}]) {
        const res = await send(endpoint, path, auth);
        if (res.status !== 404 || res.body.code !== 'public-views.not-enabled') leaks.push(`${keyOf(endpoint)}: ${res.status} ${res.body?.code ?? ''}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("finds none of region B's aggregates under region A's path, for reads and writes", async () => {
    const before = await eventLogSnapshot(t.app);
    const leaks: string[] = [];
    // Endpoints naming an aggregate besides the region (the others concern region A itself).
    const naming = endpoints.filter((e) => e.path.includes('{regionId}/') && /\{(?!regionId\})\w+\}/.test(e.path));
    expect(naming.length).toBeGreaterThan(15);
    for (const endpoint of naming) {
      let notFound = 0;
      for (const role of ROLES) {
        const path = fillPath(endpoint.path, (p) => (p === 'regionId' ? a.regionId : bIds[p]!));
        const payload = endpoint.method === 'GET' ? {} : validBody(endpoint.path);
        if (payload === undefined) leaks.push(`${keyOf(endpoint)}: no valid body in this test`);
        const res = await send(endpoint, path, await tokenOfA(role), payload);
        // 403: the role may not do this at all; 404: B's aggregate does not exist in A. Anything else is a leak or a weak body.
        if (![403, 404].includes(res.status)) leaks.push(`${keyOf(endpoint)} as ${role} of A with B's ids: ${res.status} ${res.body?.code ?? ''}`);
        if (res.status === 404) notFound += 1;
        if (JSON.stringify(res.body ?? {}).includes(b.regionId)) leaks.push(`${keyOf(endpoint)} as ${role}: answer names region B`);
      }
      // Some role may call it, and that role must have reached the lookup and found nothing.
      if (notFound === 0) leaks.push(`${keyOf(endpoint)}: no role got as far as the region lookup`);
    }
    expect(leaks).toEqual([]);
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it("leaves region B's subscription as it was", async () => {
    const { rows } = await t.app.get<Pool>(PG_POOL).query(`SELECT region_id, mode FROM reminders.subscriptions WHERE subscription_id = $1`, [bIds.subscriptionId]);
    expect(rows).toEqual([{ region_id: b.regionId, mode: 'daily' }]);
  });

  it('lets no office of region A register region B', async () => {
    const res = await request(t.url)
      .post('/api/regions')
      .set(await tokenOfA('office'))
      .send({ regionId: b.regionId, name: 'Übernahme', contractSignedOn: '2020-01-01' })
      .expect(403);
    expect(res.body.code).toBe('permission.region');
    const unnamed = await request(t.url).post('/api/regions').set(await tokenOfA('office')).send({ name: 'Ohne Kennung', contractSignedOn: '2020-01-01' }).expect(403);
    expect(unnamed.body.code).toBe('permission.region');
  });

  it('answers the same reads normally to region B itself (the control)', async () => {
    const own = await bearer('auditor', { regionIds: [b.regionId] });
    await request(t.url).get(`${b.base}/recommendations/${bIds.recommendationId}`).set(own).expect(200);
    await request(t.url).get(`${b.base}/committees/${b.committeeId}`).set(own).expect(200);
    await request(t.url).get(b.base).set(own).expect(200);
  });
});
