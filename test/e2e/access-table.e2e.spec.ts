import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@app/domain';
import { actInRegion, actors } from '../support/actors';
import { bearer } from '../support/auth';
import { discoverEndpoints, fillPath, keyOf, type Endpoint } from '../support/endpoints';
import { adopt, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Who may call what: every endpoint the application serves, every role, allow or deny. Written out
 * by hand from domain.md ("People"), not derived from the code it checks. An endpoint missing here
 * fails the test: add it with its roles.
 */
interface Expected {
  roles: readonly Role[];
  /** `always`: no login at all; `if-enabled`: anonymous too when the region enables public views. */
  anonymous?: 'always' | 'if-enabled';
  /** Committee members only for their own committees (the office for any, on its behalf). */
  ownCommittee?: true;
}

const READERS: Expected = { roles: ['office', 'steering', 'committee', 'auditor'] };
const PUBLIC_VIEW: Expected = { roles: ['office', 'steering', 'committee', 'auditor'], anonymous: 'if-enabled' };
const PUBLIC: Expected = { roles: ['office', 'steering', 'committee', 'auditor'], anonymous: 'always' };
const OFFICE: Expected = { roles: ['office'] };
const STEERING: Expected = { roles: ['steering'] };
const AUDIT: Expected = { roles: ['auditor', 'office'] };
/** No login opens it: only the scraper's METRICS_TOKEN (observability/metrics.controller.ts). */
const NOBODY: Expected = { roles: [] };
const COMMITTEE_OR_OFFICE: Expected = { roles: ['committee', 'office'], ownCommittee: true };
/** The Lenkungskreis, or the office on its behalf (domain rules 10 and 11). */
const STEERING_OR_OFFICE: Expected = { roles: ['steering', 'office'] };

const R = '/api/regions/{regionId}';
const REC = `${R}/recommendations/{recommendationId}`;

const TABLE: Record<string, Expected> = {
  'GET /api/health': PUBLIC,
  'GET /api/health/ready': PUBLIC,
  'GET /api/metrics': NOBODY,
  'GET /api/backup/status': OFFICE,
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/me': READERS,
  'GET /api/vocabulary': PUBLIC,

  'POST /api/regions': OFFICE,
  [`GET ${R}`]: READERS,
  [`GET ${R}/settings/public-views`]: READERS,
  [`GET ${R}/figures`]: PUBLIC_VIEW,

  // Read views: published (anonymous when the region enables it) unless they show people; the page shows the actors.
  [`GET ${R}/recommendations`]: PUBLIC_VIEW,
  [`GET ${R}/views/funnel`]: PUBLIC_VIEW,
  [`GET ${R}/views/committee-scorecard`]: PUBLIC_VIEW,
  [`GET ${R}/views/impact-board`]: PUBLIC_VIEW,
  [`GET ${R}/views/sustainability-board`]: PUBLIC_VIEW,
  // Claims awaiting verification quote the reports' summaries and evidence: for logged-in readers only.
  [`GET ${R}/views/claims`]: READERS,
  [`GET ${R}/conferences/{conferenceId}/report`]: PUBLIC_VIEW,
  [`GET ${REC}/page`]: READERS,
  // "Was wurde aus …?": no login; a region that has not switched its public views on answers 404.
  'GET /api/public/regions/{regionId}': PUBLIC,
  'GET /api/public/regions/{regionId}/conferences/{conferenceId}': PUBLIC,
  'GET /api/public/regions/{regionId}/recommendations/{recommendationId}': PUBLIC,
  [`PUT ${R}/settings/public-views`]: OFFICE,
  [`GET ${R}/accounts`]: OFFICE,
  [`POST ${R}/accounts`]: OFFICE,
  [`POST ${R}/accounts/{accountId}/disable`]: OFFICE,

  [`POST ${R}/conferences`]: OFFICE,
  [`GET ${R}/conferences`]: PUBLIC_VIEW,
  [`GET ${R}/committees`]: READERS,
  [`GET ${R}/conferences/{conferenceId}`]: READERS,
  [`POST ${R}/conferences/{conferenceId}/held`]: OFFICE,
  [`POST ${R}/conferences/{conferenceId}/rescheduling`]: OFFICE,

  [`POST ${R}/committees`]: OFFICE,
  [`GET ${R}/committees/{committeeId}`]: READERS,
  [`POST ${R}/committees/{committeeId}/renaming`]: OFFICE,
  [`POST ${R}/committees/{committeeId}/dissolution`]: OFFICE,
  // Contact addresses are personal data: the office keeps them, the Lenkungskreis may see who gets reminders.
  [`GET ${R}/committees/{committeeId}/contacts`]: { roles: ['office', 'steering'] },
  [`PUT ${R}/committees/{committeeId}/contacts`]: OFFICE,
  // A member renews its own committee's calendar address; the feed itself opens with its secret address alone.
  [`POST ${R}/committees/{committeeId}/calendar-feed`]: COMMITTEE_OR_OFFICE,
  'GET /api/calendar/{file}': PUBLIC,
  // Anyone with an account follows what they like; each sees and ends only their own (404 for another's).
  [`GET ${R}/subscriptions`]: READERS,
  [`POST ${R}/subscriptions`]: READERS,
  [`DELETE ${R}/subscriptions/{subscriptionId}`]: READERS,
  // The link in a subscription mail: its signed token is the permission (GET asks, POST ends).
  'GET /api/unsubscribe/{token}': PUBLIC,
  'POST /api/unsubscribe/{token}': PUBLIC,

  [`POST ${R}/recommendations`]: OFFICE,
  [`GET ${REC}`]: READERS,
  [`POST ${REC}/amendments`]: OFFICE,
  [`POST ${REC}/corrections`]: OFFICE,
  [`POST ${REC}/outcome-reports`]: OFFICE,
  [`POST ${REC}/hand-offs`]: STEERING,
  [`POST ${REC}/hand-offs/{committeeId}/withdrawal`]: STEERING,
  [`POST ${REC}/withdrawal`]: STEERING,
  [`POST ${REC}/supersession`]: STEERING,
  [`POST ${REC}/sustainability-reviews`]: STEERING,
  [`POST ${REC}/hand-offs/{committeeId}/acceptance`]: COMMITTEE_OR_OFFICE,
  [`POST ${REC}/hand-offs/{committeeId}/decline`]: COMMITTEE_OR_OFFICE,
  [`POST ${REC}/hand-offs/{committeeId}/due-date-revisions`]: STEERING_OR_OFFICE,
  [`POST ${REC}/hand-offs/{committeeId}/verifications`]: STEERING_OR_OFFICE,
  [`POST ${REC}/status-reports`]: COMMITTEE_OR_OFFICE,
  [`POST ${REC}/indicators`]: COMMITTEE_OR_OFFICE,
  [`POST ${REC}/indicators/{indicatorId}/measurements`]: COMMITTEE_OR_OFFICE,

  // Audit: a recommendation's history and raw events like its page; the whole region's log, export, diff and verification for auditors and the office.
  [`GET ${REC}/history`]: READERS,
  // Reminders sent about it name addresses: like the page, not public.
  [`GET ${REC}/reminders`]: READERS,
  [`GET ${REC}/events`]: READERS,
  [`GET ${R}/audit/events`]: AUDIT,
  [`GET ${R}/audit/export`]: AUDIT,
  [`GET ${R}/audit/export/manifest`]: AUDIT,
  [`GET ${R}/audit/signing-key`]: AUDIT,
  [`GET ${R}/audit/diff`]: AUDIT,
  [`GET ${R}/audit/verify`]: AUDIT,
  // Importing a list is the office's (it records adoptions; hand-offs and reports come as the import).
  [`POST ${R}/imports/preview`]: OFFICE,
  [`POST ${R}/imports`]: OFFICE,
  [`GET ${R}/imports/{importId}`]: OFFICE,
  // OParl (public address /oparl/v1): anyone; a region that does not publish answers 404 to everyone.
  'GET /api/oparl/v1/system': PUBLIC,
  'GET /api/oparl/v1/bodies': PUBLIC,
  'GET /api/oparl/v1/bodies/{body}': PUBLIC,
  'GET /api/oparl/v1/bodies/{body}/{list}': PUBLIC,
  'GET /api/oparl/v1/bodies/{body}/{list}/{id}': PUBLIC,
};

const ROLES: readonly Role[] = ['office', 'steering', 'committee', 'auditor'];
type Caller = Role | 'anonymous';

describe('role × endpoint access table', () => {
  let t: TestApp;
  let f: RegionFixture;
  let open: RegionFixture;
  let endpoints: Endpoint[];
  let openRecommendationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
    open = await setUpRegion(t.url);
    await request(t.url)
      .put(`${open.base}/settings/public-views`)
      .set(await bearer('office', { regionIds: [open.regionId] }))
      .send({ enabled: true })
      .expect(200);
    // Personal data in the public region, which its public views must not show.
    openRecommendationId = await adopt(t.url, open);
    const rec = `${open.base}/recommendations/${openRecommendationId}`;
    await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: open.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
    await request(t.url)
      .post(`${rec}/hand-offs/${open.committeeId}/acceptance`)
      .set(actors.committee(open.committeeId))
      .send({ on: '2026-05-04', contact: 'Frau Privat, frau.privat@beispiel.de' })
      .expect(201);
    const found = await discoverEndpoints(t.app, t.url);
    endpoints = found.routed;
    expect(found.documented.map(keyOf)).toEqual(found.routed.map(keyOf));
  });
  afterAll(() => t.close());

  it('has an entry for every endpoint the application serves, and none for endpoints it does not', () => {
    const served = endpoints.map(keyOf);
    expect(served.filter((k) => !(k in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !served.includes(k))).toEqual([]);
  });

  /** A request that passes access control but no validation: it may be refused later (400/404/409), never written. */
  async function call(endpoint: Endpoint, region: RegionFixture, caller: Caller, committeeIds: string[], ids: Record<string, string> = {}) {
    const path = fillPath(endpoint.path, (param) =>
      param === 'regionId' ? region.regionId : param === 'committeeId' ? region.committeeId : (ids[param] ?? randomUUID()),
    );
    const auth =
      caller === 'anonymous' ? {} : await bearer(caller, { regionIds: [region.regionId], committeeIds: caller === 'committee' ? committeeIds : [] });
    const body = { regionId: region.regionId, committeeId: region.committeeId, unbekanntesFeld: true };
    const r = request(t.url)[endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path).set(auth);
    return endpoint.method === 'GET' ? r : r.send(body);
  }

  /** Allowed means past access control and answered: neither 401/403 nor a server error (a 5xx is a failure, not an "allow"). */
  const outcome = (status: number) => (status === 401 || status === 403 ? `deny ${status}` : status >= 500 ? `error ${status}` : 'allow');

  it('allows exactly the listed roles, and denies the others with 403 (anonymous: 401)', async () => {
    const mismatches: string[] = [];
    for (const endpoint of endpoints) {
      const expected = TABLE[keyOf(endpoint)];
      if (!expected) continue;
      for (const caller of [...ROLES, 'anonymous'] as Caller[]) {
        const res = await call(endpoint, f, caller, [f.committeeId]);
        const allowed = caller === 'anonymous' ? expected.anonymous === 'always' : expected.roles.includes(caller);
        const want = allowed ? 'allow' : caller === 'anonymous' ? 'deny 401' : 'deny 403';
        if (outcome(res.status) !== want) mismatches.push(`${keyOf(endpoint)} as ${caller}: expected ${want}, got ${res.status} ${res.body?.code ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets a committee member act only for its own committees', async () => {
    const mismatches: string[] = [];
    for (const endpoint of endpoints) {
      const expected = TABLE[keyOf(endpoint)];
      if (!expected?.roles.includes('committee')) continue;
      // A member of the region's other committee only: own-committee endpoints refuse it.
      const res = await call(endpoint, f, 'committee', [f.otherCommitteeId]);
      const want = expected.ownCommittee ? 'deny 403' : 'allow';
      if (outcome(res.status) !== want) mismatches.push(`${keyOf(endpoint)}: expected ${want}, got ${res.status} ${res.body?.code ?? ''}`);
      if (want === 'deny 403' && res.body.code !== 'permission.committee') mismatches.push(`${keyOf(endpoint)}: code ${res.body.code}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('opens to anonymous callers only the public views, and only of a region that enabled them', async () => {
    const mismatches: string[] = [];
    for (const endpoint of endpoints) {
      const expected = TABLE[keyOf(endpoint)];
      if (!expected) continue;
      const res = await call(endpoint, open, 'anonymous', [], { conferenceId: open.conferenceId, recommendationId: openRecommendationId });
      const want = expected.anonymous ? 'allow' : 'deny 401';
      if (outcome(res.status) !== want) mismatches.push(`${keyOf(endpoint)} in a public region: expected ${want}, got ${res.status}`);
      // Public views carry no personal data: no actors, user ids, e-mail addresses or contacts.
      if (expected.anonymous === 'if-enabled' && /"(actor|userId|email|contact)"|Frau Privat|@[\w-]+\.\w/.test(res.text ?? ''))
        mismatches.push(`${keyOf(endpoint)} shows personal data to anonymous callers`);
    }
    expect(mismatches).toEqual([]);
  });

  it('records the office acting on a committee command as acting on its behalf', async () => {
    // The full flow lives in the lifecycle suite; here one acceptance written by the office.
    actInRegion(f.regionId);
    const office = await bearer('office', { regionIds: [f.regionId], userId: 'buero.im-auftrag' });
    const steering = await bearer('steering', { regionIds: [f.regionId] });
    const adopted = await request(t.url)
      .post(`${f.base}/recommendations`)
      .set(office)
      .send({
        conferenceId: f.conferenceId,
        reference: '9. BK / 7',
        title: 'Sprachförderung',
        text: 'Text',
        fieldsOfAction: ['Bildungsförderung 0–10'],
        addressees: { committeeIds: [f.committeeId], decisionMakers: [] },
        originCommitteeIds: [],
        adoptedOn: '2026-03-12',
      })
      .expect(201);
    const rec = `${f.base}/recommendations/${adopted.body.id}`;
    await request(t.url).post(`${rec}/hand-offs`).set(steering).send({ committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
    const accepted = await request(t.url).post(`${rec}/hand-offs/${f.committeeId}/acceptance`).set(office).send({ on: '2026-05-04' }).expect(201);
    expect(accepted.body.events[0].metadata.actor).toEqual({ userId: 'buero.im-auftrag', role: 'office', committeeIds: [], onBehalfOf: f.committeeId });
  });
});
