import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { isVerifiable } from '@app/event-store';
import { rebuildReadModels } from '@app/rebuild';
import { replayExport } from '../../apps/api/src/audit/offline/replay';
import type { ExportManifest } from '../../apps/api/src/audit/offline/manifest';
import { actInRegion, actors } from '../support/actors';
import { eventStoreOf } from '../support/event-log';
import { setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** metrics.md's worked example ("8. BK", asOf 2021-06-30), the figures as the document states them. */
const WORKED_EXAMPLE: Record<string, number> = {
  handoffRate: 0.5,
  medianDaysToHandOff: 73,
  responseRate: 0.75,
  reportingCompliance: 2 / 3,
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
  // No verification and no revision in the worked example: both claims (R1, R3) wait unverified.
  verifiedImplementationRate: 0,
  unverifiedClaimRate: 1,
  dueDateRevisionRate: 0,
};
const AS_OF = '2021-06-30';

interface Example {
  regionId: string;
  base: string;
  bk8: string;
  bk9: string;
  c1: string;
  c2: string;
  c3: string;
  r: string[];
}

async function post(t: TestApp, path: string, body: object, headers = actors.office()): Promise<request.Response> {
  const res = await request(t.url).post(path).set(headers).send(body);
  if (res.status !== 201) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** The worked example of metrics.md, recorded through the HTTP API as the people would. */
async function recordWorkedExample(t: TestApp): Promise<Example> {
  const regionId = randomUUID();
  actInRegion(regionId);
  await post(t, '/api/regions', { regionId, name: 'Bildungsregion Beispiel', contractSignedOn: '2009-08-24' });
  const base = `/api/regions/${regionId}`;
  const id = (res: request.Response) => (res.body as { id: string }).id;
  const bk8 = id(await post(t, `${base}/conferences`, { number: 8, kind: 'bildungskonferenz', title: '8. Bildungskonferenz', date: '2018-11-20', topics: [], effectiveOn: '2018-09-01' }));
  const bk9 = id(await post(t, `${base}/conferences`, { number: 9, kind: 'bildungskonferenz', title: '9. Bildungskonferenz', date: '2020-11-20', topics: [], effectiveOn: '2019-12-01' }));
  const committee = async (name: string, shortName: string) =>
    id(await post(t, `${base}/committees`, { name, shortName, kind: 'fachgremium', fieldsOfAction: ['Inklusion'], effectiveOn: '2018-01-01' }));
  const c1 = await committee('Fachgremium Eins', 'FG 1');
  const c2 = await committee('Fachgremium Zwei', 'FG 2');
  const c3 = await committee('Fachgremium Drei', 'FG 3');
  const r: string[] = [];
  for (let n = 1; n <= 5; n++) {
    r.push(
      id(
        await post(t, `${base}/recommendations`, {
          conferenceId: bk8,
          reference: `8. BK / ${n}`,
          title: `Empfehlung ${n}`,
          text: 'Text der Empfehlung.',
          fieldsOfAction: ['Inklusion'],
          addressees: { committeeIds: [], decisionMakers: [] },
          originCommitteeIds: [],
          adoptedOn: '2018-11-20',
        }),
      ),
    );
  }
  const rec = (i: number) => `${base}/recommendations/${r[i]}`;
  const handOff = (i: number, committeeId: string, decidedOn: string, reportDueOn: string) =>
    post(t, `${rec(i)}/hand-offs`, { committeeId, mandate: 'Umsetzen', decidedOn, reportDueOn }, actors.steering());
  const accept = (i: number, committeeId: string, on: string) => post(t, `${rec(i)}/hand-offs/${committeeId}/acceptance`, { on }, actors.committee(committeeId));
  const report = (i: number, committeeId: string, status: string, reportedOn: string, extra: object = {}) =>
    post(t, `${rec(i)}/status-reports`, { committeeId, status, summary: 'Sachstand.', evidence: [], reportedOn, ...extra }, actors.committee(committeeId));

  // R1
  await handOff(0, c1, '2019-01-15', '2019-06-30');
  await accept(0, c1, '2019-02-01');
  await report(0, c1, 'in_progress', '2019-06-01');
  await report(0, c1, 'implemented', '2019-10-15');
  const indicator = await post(
    t,
    `${rec(0)}/indicators`,
    { committeeId: c1, name: 'Teilnahmequote', unit: 'Prozent', direction: 'increase', baseline: { value: 10, on: '2018-12-31' }, target: { value: 30, dueOn: '2021-12-31' }, source: 'Statistik', effectiveOn: '2019-11-01' },
    actors.committee(c1),
  );
  const indicatorId = indicator.body.events[0].data.indicatorId as string;
  await post(t, `${rec(0)}/indicators/${indicatorId}/measurements`, { committeeId: c1, value: 25, measuredOn: '2020-03-01', source: 'Statistik' }, actors.committee(c1));
  await post(t, `${rec(0)}/sustainability-reviews`, { reviewedOn: '2020-11-01', outcome: 'sustained', anchoring: ['budget'], note: 'Im Haushalt.' }, actors.steering());
  await post(t, `${rec(0)}/outcome-reports`, { conferenceId: bk9, summary: 'Umgesetzt.', effectiveOn: '2020-11-20' });
  // R2
  await handOff(1, c2, '2019-04-10', '2019-09-30');
  await accept(1, c2, '2019-06-20');
  await report(1, c2, 'in_progress', '2019-09-01', { nextReportDueOn: '2020-03-01' });
  // R3
  await handOff(2, c1, '2019-02-01', '2019-06-30');
  await post(t, `${rec(2)}/hand-offs/${c1}/decline`, { on: '2019-02-20', reason: 'Nicht zuständig.' }, actors.committee(c1));
  await handOff(2, c3, '2019-03-01', '2019-12-31');
  await accept(2, c3, '2019-03-10');
  await report(2, c3, 'partially_implemented', '2020-01-10');
  await post(t, `${rec(2)}/sustainability-reviews`, { reviewedOn: '2021-02-01', outcome: 'lapsed', anchoring: ['none'], note: 'Ausgelaufen.' }, actors.steering());
  // R4
  await post(t, `${rec(3)}/withdrawal`, { reason: 'Überholt.', effectiveOn: '2019-05-01' }, actors.steering());
  return { regionId, base, bk8, bk9, c1, c2, c3, r };
}

const valuesOf = (figures: Record<string, { value: number | null }>) => Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.value]));

describe('audit: log, export, independent replay, diff and integrity of a region', () => {
  let t: TestApp;
  let x: Example;
  let sql: Pool;
  /** Another region in the same log: never part of x's log, export or verification. */
  let other: RegionFixture;
  /** A manifest taken before anything was tampered with: what the auditor kept from an earlier audit. */
  let earlier: ExportManifest;
  const auditor = () => actors.auditor();

  beforeAll(async () => {
    t = await startTestApp();
    other = await setUpRegion(t.url);
    x = await recordWorkedExample(t);
    sql = new Pool({ connectionString: t.db.url, max: 2 });
    // An idle connection cut when the test database is dropped must not fail the suite.
    sql.on('error', () => undefined);
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const exportNow = async (query: Record<string, string> = {}) => {
    const res = await request(t.url).get(`${x.base}/audit/export`).query(query).set(auditor()).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    return { bytes: res.body as Buffer, headers: res.headers };
  };
  const manifestNow = async (query: Record<string, string> = {}) => (await request(t.url).get(`${x.base}/audit/export/manifest`).query(query).set(auditor()).expect(200)).body as ExportManifest;

  describe('export and independent replay', () => {
    it('replays the export alone to metrics.md’s worked example, and to exactly what the API’s figures show', async () => {
      const { bytes } = await exportNow();
      const report = replayExport(bytes, { cohort: { conferenceId: x.bk8 }, point: { asOf: AS_OF } });
      expect(report.chains.ok).toBe(true);
      const replayed = valuesOf(report.figures!.figures);
      for (const [name, value] of Object.entries(WORKED_EXAMPLE)) expect([name, replayed[name]]).toEqual([name, expect.closeTo(value, 3)]);
      expect(report.figures!.members.map((m) => m.reference)).toEqual(['8. BK / 1', '8. BK / 2', '8. BK / 3', '8. BK / 4', '8. BK / 5']);

      const api = await request(t.url).get(`${x.base}/figures`).query({ cohort: `conference:${x.bk8}`, asOf: AS_OF }).set(auditor()).expect(200);
      expect(valuesOf(api.body.groups[0].figures)).toEqual(Object.fromEntries(Object.keys(api.body.groups[0].figures).map((k) => [k, replayed[k]])));
    });

    it('replays the record axis too: knownAt before R3’s review was recorded gives its figures without it', async () => {
      const log = await request(t.url).get(`${x.base}/audit/events`).query({ type: 'SustainabilityReviewed', stream: `recommendation-${x.r[2]}` }).set(auditor()).expect(200);
      const knownAt = new Date(Date.parse(log.body.items[0].recordedAt) - 1).toISOString();
      const { bytes } = await exportNow();
      const report = replayExport(bytes, { cohort: { conferenceId: x.bk8 }, point: { asOf: AS_OF, knownAt: new Date(knownAt) } });
      expect(report.figures!.figures.lapseRate.value).toBe(0);
      expect(report.figures!.figures.unreviewedRate.value).toBe(0.5);
      const api = await request(t.url).get(`${x.base}/figures`).query({ cohort: `conference:${x.bk8}`, asOf: AS_OF, knownAt }).set(auditor()).expect(200);
      expect(api.body.groups[0].figures.unreviewedRate.value).toBe(0.5);
      expect(api.body.groups[0].figures.lapseRate.value).toBe(0);
    });

    it('gives a manifest that describes the file: count, first and last position, SHA-256, chain heads', async () => {
      const manifest = await manifestNow();
      const { bytes, headers } = await exportNow({ toPosition: manifest.lastPosition! });
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.sha256);
      expect(headers['x-audit-sha256']).toBe(manifest.sha256);
      expect(headers['content-type']).toMatch(/^application\/x-ndjson/);
      const lines = bytes.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(manifest.events).toBe(lines.length);
      expect([manifest.firstPosition, manifest.lastPosition]).toEqual([lines[0].position, lines.at(-1).position]);
      // 1 region + 2 conferences + 3 committees + 5 recommendations.
      expect(manifest.streams).toBe(11);
      expect(lines.every((l) => l.metadata.regionId === x.regionId || l.data.regionId === x.regionId)).toBe(true);
      const store = eventStoreOf(t.app);
      if (!isVerifiable(store)) throw new Error('PostgreSQL store expected');
      const verified = await store.verify();
      if (!verified.ok) throw new Error('chain broken');
      for (const [streamId, head] of Object.entries(manifest.heads)) expect(head.hash).toBe(verified.heads[streamId]);
      expect(replayExport(bytes, { manifest })).toMatchObject({ ok: true, manifest: { ok: true, mismatches: [] } });
      earlier = manifest;
    });

    it('exports the same bytes for the same toPosition after more events were recorded', async () => {
      const manifest = await manifestNow();
      await post(t, `${x.base}/recommendations/${x.r[4]}/amendments`, { title: 'Empfehlung 5 (neu gefasst)', reason: 'Redaktion.' });
      const again = await exportNow({ toPosition: manifest.lastPosition! });
      expect(createHash('sha256').update(again.bytes).digest('hex')).toBe(manifest.sha256);
      const now = await manifestNow();
      expect(now.events).toBe(manifest.events + 1);
      // The old manifest does not describe the new file.
      const replay = replayExport((await exportNow()).bytes, { manifest, since: earlier });
      expect(replay.ok).toBe(false);
      expect(replay.manifest!.mismatches.join(' ')).toMatch(/SHA-256/);
      // But everything the earlier export held is still there, unaltered.
      expect(replay.since).toEqual({ ok: true, exportedAt: earlier.exportedAt, streams: 11, mismatches: [] });
      await request(t.url).get(`${x.base}/audit/export`).query({ toPosition: '999999999' }).set(auditor()).expect(400);
    });
  });

  describe('global audit log', () => {
    it('pages through every event of the region in order, without repeats or gaps', async () => {
      const manifest = await manifestNow();
      const { bytes } = await exportNow({ toPosition: manifest.lastPosition! });
      const exported = bytes.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l).eventId);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(t.url).get(`${x.base}/audit/events`).query({ limit: '7', ...(cursor ? { cursor } : {}) }).set(auditor()).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(7);
        seen.push(...page.body.items.map((i: { eventId: string }) => i.eventId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(exported);
    });

    it('filters by actor, event type, stream and record time, and tells who and what in German', async () => {
      const byType = await request(t.url).get(`${x.base}/audit/events`).query({ type: 'HandOffAccepted,HandOffDeclined' }).set(auditor()).expect(200);
      expect(byType.body.items.map((i: { type: string }) => i.type).sort()).toEqual(['HandOffAccepted', 'HandOffAccepted', 'HandOffAccepted', 'HandOffDeclined']);
      const declined = byType.body.items.find((i: { type: string }) => i.type === 'HandOffDeclined');
      expect(declined).toMatchObject({ businessDate: '2019-02-20', actor: { role: 'committee', userId: 'gremium.test' } });
      expect(declined.description).toBe('Das Gremium „Fachgremium Eins“ hat die Übergabe abgelehnt. Grund: Nicht zuständig.');
      expect(declined.hash).toMatch(/^[0-9a-f]{64}$/);

      const steering = await request(t.url).get(`${x.base}/audit/events`).query({ actor: 'lenkungskreis.test', limit: '200' }).set(auditor()).expect(200);
      expect(steering.body.items.length).toBe(steering.body.total);
      expect(new Set(steering.body.items.map((i: { actor: { role: string } }) => i.actor.role))).toEqual(new Set(['steering']));
      expect(steering.body.total).toBe(7); // 4 hand-offs, 2 reviews, 1 withdrawal

      const oneStream = await request(t.url).get(`${x.base}/audit/events`).query({ stream: `recommendation-${x.r[3]}` }).set(auditor()).expect(200);
      expect(oneStream.body.items.map((i: { type: string }) => i.type)).toEqual(['RecommendationAdopted', 'RecommendationWithdrawn']);
      const committees = await request(t.url).get(`${x.base}/audit/events`).query({ stream: 'committee-' }).set(auditor()).expect(200);
      expect(committees.body.total).toBe(3);

      const all = (await request(t.url).get(`${x.base}/audit/events`).query({ limit: '200' }).set(auditor()).expect(200)).body.items as { recordedAt: string }[];
      const middle = all[Math.floor(all.length / 2)].recordedAt;
      const [early, late] = await Promise.all([
        request(t.url).get(`${x.base}/audit/events`).query({ recordedTo: middle, limit: '200' }).set(auditor()),
        request(t.url).get(`${x.base}/audit/events`).query({ recordedFrom: middle, limit: '200' }).set(auditor()),
      ]);
      expect(early.body.total + late.body.total).toBe(all.length);
      expect(early.body.items.every((i: { recordedAt: string }) => i.recordedAt < middle)).toBe(true);

      const bad = await request(t.url).get(`${x.base}/audit/events`).query({ limit: '0', recordedFrom: 'gestern', foo: '1' }).set(auditor()).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['foo', 'limit', 'recordedFrom']);
    });
  });

  describe('diff between two points in time', () => {
    it('for a cohort: the events in between and every figure and state that changed', async () => {
      const res = await request(t.url).get(`${x.base}/audit/diff`).query({ cohort: `conference:${x.bk8}`, fromAsOf: '2019-12-31', toAsOf: AS_OF }).set(auditor()).expect(200);
      const types = res.body.events.appeared.map((e: { type: string; businessDate: string }) => `${e.type} ${e.businessDate}`);
      expect(types).toEqual(
        expect.arrayContaining(['ImplementationStatusReported 2020-01-10', 'ImpactMeasured 2020-03-01', 'SustainabilityReviewed 2020-11-01', 'SustainabilityReviewed 2021-02-01', 'OutcomeReportedToConference 2020-11-20']),
      );
      expect(types.every((t: string) => t.slice(-10) > '2019-12-31' && t.slice(-10) <= AS_OF)).toBe(true);
      expect(res.body.events.disappeared).toEqual([]);
      const change = (path: string) => res.body.changes.find((c: { path: string }) => c.path === path);
      expect(change('figures.partialImplementationRate.value')).toEqual({ path: 'figures.partialImplementationRate.value', before: 0, after: 0.25 });
      expect(change(`recommendations.${x.r[0]}.state`)).toMatchObject({ before: 'implemented', after: 'sustained' });
      // R3 was accepted but not yet reported on 2019-12-31.
      expect(change(`recommendations.${x.r[2]}.state`)).toMatchObject({ before: 'handed_off', after: 'lapsed' });
      expect(valuesOf(res.body.after.figures)).toMatchObject(Object.fromEntries(Object.entries(WORKED_EXAMPLE).map(([k, v]) => [k, expect.closeTo(v, 3)])));
    });

    it('for a committee: its hand-offs and answers in between, and its assignments before and after', async () => {
      const res = await request(t.url).get(`${x.base}/audit/diff`).query({ committeeId: x.c1, fromAsOf: '2019-01-31', toAsOf: '2019-02-28' }).set(auditor()).expect(200);
      expect(res.body.events.appeared.map((e: { type: string; businessDate: string }) => `${e.type} ${e.businessDate}`).sort()).toEqual([
        'HandOffAccepted 2019-02-01',
        'HandOffDeclined 2019-02-20',
        'RecommendationHandedOff 2019-02-01',
      ]);
      expect(res.body.before.assignments).toEqual([expect.objectContaining({ recommendationId: x.r[0], state: 'pending' })]);
      expect(res.body.after.assignments).toEqual([
        expect.objectContaining({ recommendationId: x.r[0], state: 'accepted' }),
        expect.objectContaining({ recommendationId: x.r[2], state: 'declined' }),
      ]);
    });

    it('for a recommendation on the record axis: a correction appears and changes the derived state', async () => {
      const before = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 20));
      const reports = await request(t.url).get(`${x.base}/recommendations/${x.r[1]}/events`).set(auditor()).expect(200);
      const report = reports.body.events.find((e: { type: string }) => e.type === 'ImplementationStatusReported');
      await post(t, `${x.base}/recommendations/${x.r[1]}/corrections`, {
        correctsEventId: report.eventId,
        correctedEventType: 'ImplementationStatusReported',
        correctedFields: { nextReportDueOn: '2021-12-31' },
        reason: 'Frist falsch übertragen.',
      });
      const res = await request(t.url).get(`${x.base}/audit/diff`).query({ recommendationId: x.r[1], fromKnownAt: before, fromAsOf: AS_OF, toAsOf: AS_OF }).set(auditor()).expect(200);
      // The correction is dated today, after AS_OF: it counts from the moment it is recorded, not by its own date.
      expect(res.body.changes).toEqual(expect.arrayContaining([{ path: 'facts.handOffs[0].currentDueOn', before: '2020-03-01', after: '2021-12-31' }]));
      expect(res.body.changes).toEqual(expect.arrayContaining([{ path: 'facts.handOffs[0].overdue', before: true, after: false }]));
      await request(t.url).get(`${x.base}/audit/diff`).query({ recommendationId: x.r[1] }).set(auditor()).expect(400);
      await request(t.url).get(`${x.base}/audit/diff`).query({ recommendationId: x.r[1], committeeId: x.c1, fromAsOf: AS_OF }).set(auditor()).expect(400);
      await request(t.url).get(`${x.base}/audit/diff`).query({ recommendationId: randomUUID(), fromAsOf: AS_OF }).set(auditor()).expect(404);
    });
  });

  describe('integrity verification', () => {
    const verify = async () => (await request(t.url).get(`${x.base}/audit/verify`).set(auditor()).expect(200)).body;

    it('says so when no projector has written the read models', async () => {
      const report = await verify();
      expect(report).toMatchObject({ ok: true, chains: { ok: true, streams: 11 }, projections: { status: 'not-maintained', ok: null } });
      expect(report.message).toMatch(/^Alle 11 Hash-Ketten mit \d+ Ereignissen sind unversehrt\./);
    });

    it('compares live read models row by row with a fresh replay and names the first drifting row', async () => {
      await rebuildReadModels({ store: eventStoreOf(t.app), pool: sql });
      const ok = await verify();
      expect(ok).toMatchObject({ ok: true, projections: { status: 'match', ok: true } });
      expect(ok.projections.tables.recommendations).toBe(5);

      const client = await sql.connect();
      try {
        await client.query(`UPDATE read_model.recommendations SET title = 'Unbemerkt geändert' WHERE recommendation_id = $1`, [x.r[2]]);
      } finally {
        client.release();
      }
      const drift = await verify();
      expect(drift).toMatchObject({ ok: false, chains: { ok: true }, projections: { status: 'drift', ok: false, firstDrift: { table: 'recommendations', key: [x.r[2]] } } });
      expect(drift.projections.firstDrift.live.title).toBe('Unbemerkt geändert');
      expect(drift.projections.firstDrift.replayed.title).toBe('Empfehlung 3');
      expect(drift.message).toContain('Tabelle recommendations');

      await rebuildReadModels({ store: eventStoreOf(t.app), pool: sql });
      expect((await verify()).projections.status).toBe('match');
    });

    it('keeps regions apart: another region’s edited event breaks only that region’s verification', async () => {
      const theirs = (await request(t.url).get(`${other.base}/audit/events`).query({ stream: `committee-${other.committeeId}` }).set(auditor()).expect(200)).body.items[0];
      const client = await sql.connect();
      try {
        await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
        await client.query(`UPDATE event_store.events SET data = jsonb_set(data, '{name}', '"Umbenannt ohne Ereignis"') WHERE event_id = $1`, [theirs.eventId]);
        await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      } finally {
        client.release();
      }
      expect(await verify()).toMatchObject({ ok: true, chains: { ok: true, streams: 11 } });
      const theirReport = (await request(t.url).get(`${other.base}/audit/verify`).set(auditor()).expect(200)).body;
      expect(theirReport).toMatchObject({ ok: false, chains: { firstBroken: { eventId: theirs.eventId } } });
    });

    it('names the event edited behind the application’s back (trigger disabled), and so does the offline replay', async () => {
      const target = (await request(t.url).get(`${x.base}/recommendations/${x.r[1]}/events`).set(auditor()).expect(200)).body.events[1];
      const client = await sql.connect();
      try {
        await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
        await client.query(`UPDATE event_store.events SET data = jsonb_set(data, '{decidedOn}', '"2019-01-10"') WHERE event_id = $1`, [target.eventId]);
        await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      } finally {
        client.release();
      }
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.chains.firstBroken).toMatchObject({ eventId: target.eventId, streamId: `recommendation-${x.r[1]}`, revision: '1', position: target.position, storedHash: target.hash });
      expect(report.message).toContain(`Hash-Kette gebrochen: Ereignis ${target.eventId}`);

      const replay = replayExport((await exportNow()).bytes);
      expect(replay.ok).toBe(false);
      expect(replay.chains).toMatchObject({ ok: false, firstBroken: { eventId: target.eventId, reason: 'hash', storedHash: target.hash } });
      // Against the heads kept from the earlier export: exactly that stream was altered since.
      const since = replayExport((await exportNow()).bytes, { since: earlier }).since!;
      expect(since.ok).toBe(false);
      expect(since.mismatches).toEqual([
        expect.stringMatching(new RegExp(`^recommendation-${x.r[1]}: bis Revision \\d+ verändert`)),
        // The earlier manifest lists every event: the first one altered since is named, not only its stream.
        expect.stringMatching(new RegExp(`^Zuerst abweichend: Ereignis ${target.eventId} \\(Stream recommendation-${x.r[1]}, Revision 1, Position ${target.position}\\) wurde verändert \\(Hash laut Manifest ${target.hash.slice(0, 12)}…`)),
      ]);

      // Put the edit back: the chain holds again. Then remove a stream's last event: its head no longer matches, named on the event before.
      const tail = (await request(t.url).get(`${x.base}/recommendations/${x.r[4]}/events`).set(auditor()).expect(200)).body.events as { eventId: string; revision: string }[];
      const client2 = await sql.connect();
      try {
        await client2.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
        await client2.query(`UPDATE event_store.events SET data = jsonb_set(data, '{decidedOn}', $2::jsonb) WHERE event_id = $1`, [target.eventId, JSON.stringify(target.data.decidedOn)]);
        expect((await verify()).chains).toEqual({ ok: true, streams: 11, events: expect.any(Number) });
        await client2.query(`DELETE FROM event_store.events WHERE event_id = $1`, [tail.at(-1)!.eventId]);
        await client2.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      } finally {
        client2.release();
      }
      const headBroken = await verify();
      expect(headBroken.chains.firstBroken).toMatchObject({ streamId: `recommendation-${x.r[4]}`, eventId: tail.at(-2)!.eventId });
      // The store's own verify (what npm run audit:verify runs) names the same event.
      const store = eventStoreOf(t.app);
      if (!isVerifiable(store)) throw new Error('PostgreSQL store expected');
      expect(await store.verify({ streamId: `recommendation-${x.r[4]}` })).toMatchObject({ ok: false, firstBroken: { eventId: tail.at(-2)!.eventId } });
    });
  });
});
