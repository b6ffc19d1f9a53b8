import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actInRegion, actors, type ActorHeaders } from '../support/actors';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { adopt, type RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * To EVERY command endpoint: malformed JSON, wrong types, unknown fields, over-long strings,
 * impossible and future dates, unknown ids, a stale If-Match. Every answer must be the one status
 * and code that variant calls for (400, 403, 404, 409, 412, 415), as problem+json, and the event
 * log must be exactly as before. A new endpoint is one more row.
 */

/** The status and problem code a variant must get. */
type Answer = readonly [status: number, code: string];
const INVALID: Answer = [400, 'validation'];

/** What the rows may refer to: a region with resources in the states each command needs. */
interface World extends RegionFixture {
  dissolvableCommitteeId: string;
  /** Adopted, handed off to committeeId and accepted, reported `implemented`, with an indicator. */
  r1: string;
  indicatorId: string;
  adoptedEventId: string;
  /** Adopted, with a pending hand-off to committeeId each. */
  pendingForAccept: string;
  pendingForDecline: string;
  pendingForWithdrawal: string;
  /** Adopted, nothing else. */
  toWithdraw: string;
  toSupersede: string;
  newRegionId: string;
}

interface Row {
  name: string;
  path: (w: World) => string;
  body: (w: World) => Record<string, unknown>;
  actor: (w: World) => ActorHeaders;
  /** Business dates (may not lie in the future), as paths into the body. */
  businessDates: string[];
  /** Other calendar dates (due dates, planned days): real days, but may lie in the future. */
  otherDates?: string[];
  /** Body fields naming other aggregates, events or indicators, with the answer to an unknown id there. */
  referenceIds?: Record<string, Answer>;
  /** The path with one of its ids replaced by an unknown one, and the answer to it. */
  unknownPaths?: Array<[(w: World) => string, Answer]>;
  /**
   * The region comes from the body (registering one): a body naming none, or no region of the
   * account, is refused by the access policy (403 permission.region) before the body is validated.
   */
  regionFromBody?: true;
}

/** A committee member naming a committee it does not act for is refused at the door. */
const NOT_OWN_COMMITTEE: Answer = [403, 'permission.committee'];
const NO_RECOMMENDATION: Answer = [404, 'recommendation.not-adopted'];

const TODAY_PLUS_YEARS = '2999-12-31';
const recommendation = (w: World, id: string) => `${w.base}/recommendations/${id}`;

const ROWS: Row[] = [
  {
    name: 'register region',
    path: () => '/api/regions',
    body: (w) => ({ regionId: w.newRegionId, name: 'Bildungsnetzwerk Neuss', contractSignedOn: '2010-03-01' }),
    actor: () => actors.office(),
    businessDates: ['contractSignedOn'],
    regionFromBody: true,
  },
  {
    name: 'schedule conference',
    path: (w) => `${w.base}/conferences`,
    body: () => ({ number: 12, kind: 'bildungskonferenz', title: '12. Bildungskonferenz', date: '2027-03-01', topics: ['Inklusion'] }),
    actor: () => actors.office(),
    businessDates: [],
    otherDates: ['date'],
    // A region the account does not name: 403, whether it exists or not (access-control.md).
    unknownPaths: [[() => `/api/regions/${randomUUID()}/conferences`, [403, 'permission.region']]],
  },
  {
    name: 'hold conference',
    path: (w) => `${w.base}/conferences/${w.conferenceId}/held`,
    body: () => ({ heldOn: '2026-03-12' }),
    actor: () => actors.office(),
    businessDates: ['heldOn'],
    unknownPaths: [[(w) => `${w.base}/conferences/${randomUUID()}/held`, [404, 'conference.not-scheduled']]],
  },
  {
    name: 'reschedule conference',
    path: (w) => `${w.base}/conferences/${w.laterConferenceId}/rescheduling`,
    body: () => ({ date: '2026-12-01', reason: 'Raum nicht verfügbar' }),
    actor: () => actors.office(),
    businessDates: ['effectiveOn'],
    otherDates: ['date'],
    unknownPaths: [[(w) => `${w.base}/conferences/${randomUUID()}/rescheduling`, [404, 'conference.not-scheduled']]],
  },
  {
    name: 'register committee',
    path: (w) => `${w.base}/committees`,
    body: () => ({ name: 'Arbeitskreis Sprache', shortName: 'AK Sprache', kind: 'fachgremium', fieldsOfAction: ['Sprachförderung'] }),
    actor: () => actors.office(),
    businessDates: ['effectiveOn'],
  },
  {
    name: 'rename committee',
    path: (w) => `${w.base}/committees/${w.otherCommitteeId}/renaming`,
    body: () => ({ name: 'Ausschuss für Schule und Weiterbildung', shortName: 'ASW' }),
    actor: () => actors.office(),
    businessDates: ['effectiveOn'],
    unknownPaths: [[(w) => `${w.base}/committees/${randomUUID()}/renaming`, [404, 'committee.not-registered']]],
  },
  {
    name: 'dissolve committee',
    path: (w) => `${w.base}/committees/${w.dissolvableCommitteeId}/dissolution`,
    body: (w) => ({ dissolvedOn: '2026-06-30', successorCommitteeId: w.otherCommitteeId }),
    actor: () => actors.office(),
    businessDates: ['dissolvedOn'],
    referenceIds: { successorCommitteeId: [404, 'committee.successor-unknown'] },
    unknownPaths: [[(w) => `${w.base}/committees/${randomUUID()}/dissolution`, [404, 'committee.not-registered']]],
  },
  {
    name: 'adopt recommendation',
    path: (w) => `${w.base}/recommendations`,
    body: (w) => ({
      conferenceId: w.conferenceId,
      reference: '9. BK / 7',
      title: 'Sprachförderung in Kitas ausbauen',
      text: 'Die Bildungskonferenz empfiehlt, die alltagsintegrierte Sprachförderung auszubauen.',
      fieldsOfAction: ['Bildungsförderung 0–10'],
      addressees: { committeeIds: [w.committeeId], decisionMakers: ['Jugendhilfeausschuss'] },
      originCommitteeIds: [w.otherCommitteeId],
      adoptedOn: '2026-03-12',
    }),
    actor: () => actors.office(),
    businessDates: ['adoptedOn'],
    referenceIds: { conferenceId: [404, 'adoption.conference-unknown'] },
  },
  {
    name: 'amend recommendation',
    path: (w) => `${recommendation(w, w.r1)}/amendments`,
    body: () => ({ title: 'Berufsorientierung ab Klasse 7 verbindlich verankern', reason: 'Beschluss des Lenkungskreises' }),
    actor: () => actors.office(),
    businessDates: ['effectiveOn'],
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/amendments`, NO_RECOMMENDATION]],
  },
  {
    name: 'hand off',
    path: (w) => `${recommendation(w, w.r1)}/hand-offs`,
    body: (w) => ({ committeeId: w.otherCommitteeId, mandate: 'Haushaltsmittel prüfen', reportDueOn: '2027-01-31', decidedOn: '2026-04-20' }),
    actor: () => actors.steering(),
    businessDates: ['decidedOn'],
    otherDates: ['reportDueOn'],
    referenceIds: { committeeId: [404, 'handoff.committee-unknown'] },
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/hand-offs`, NO_RECOMMENDATION]],
  },
  {
    name: 'accept hand-off',
    path: (w) => `${recommendation(w, w.pendingForAccept)}/hand-offs/${w.committeeId}/acceptance`,
    body: () => ({ on: '2026-05-04', contact: 'Frau Schneider' }),
    actor: (w) => actors.committee(w.committeeId),
    businessDates: ['on'],
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/hand-offs/${w.committeeId}/acceptance`, NO_RECOMMENDATION]],
  },
  {
    name: 'decline hand-off',
    path: (w) => `${recommendation(w, w.pendingForDecline)}/hand-offs/${w.committeeId}/decline`,
    body: () => ({ on: '2026-05-04', reason: 'Nicht zuständig' }),
    actor: (w) => actors.committee(w.committeeId),
    businessDates: ['on'],
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/hand-offs/${w.committeeId}/decline`, NO_RECOMMENDATION]],
  },
  {
    name: 'withdraw hand-off',
    path: (w) => `${recommendation(w, w.pendingForWithdrawal)}/hand-offs/${w.committeeId}/withdrawal`,
    body: () => ({ reason: 'Anderes Gremium ist zuständig' }),
    actor: () => actors.steering(),
    businessDates: ['effectiveOn'],
    unknownPaths: [
      [(w) => `${recommendation(w, randomUUID())}/hand-offs/${w.committeeId}/withdrawal`, NO_RECOMMENDATION],
      [(w) => `${recommendation(w, w.pendingForWithdrawal)}/hand-offs/${randomUUID()}/withdrawal`, [404, 'handoff.unknown']],
    ],
  },
  {
    name: 'report status',
    path: (w) => `${recommendation(w, w.r1)}/status-reports`,
    body: (w) => ({
      committeeId: w.committeeId,
      status: 'partially_implemented',
      progressPercent: 60,
      summary: 'Fünf von acht Schulen haben umgestellt.',
      evidence: [{ title: 'Sachstandsbericht', url: 'https://example.org/bericht.pdf' }],
      reportedOn: '2026-07-01',
      nextReportDueOn: '2027-01-15',
    }),
    actor: (w) => actors.committee(w.committeeId),
    businessDates: ['reportedOn'],
    otherDates: ['nextReportDueOn'],
    referenceIds: { committeeId: NOT_OWN_COMMITTEE },
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/status-reports`, NO_RECOMMENDATION]],
  },
  {
    name: 'define indicator',
    path: (w) => `${recommendation(w, w.r1)}/indicators`,
    body: (w) => ({
      committeeId: w.committeeId,
      name: 'Zahl der Praktikumsplätze',
      unit: 'Plätze',
      direction: 'increase',
      baseline: { value: 120, on: '2025-09-01' },
      target: { value: 200, dueOn: '2028-09-01' },
      source: 'Kammerstatistik',
    }),
    actor: (w) => actors.committee(w.committeeId),
    businessDates: ['effectiveOn', 'baseline.on'],
    otherDates: ['target.dueOn'],
    referenceIds: { committeeId: NOT_OWN_COMMITTEE },
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/indicators`, NO_RECOMMENDATION]],
  },
  {
    name: 'record measurement',
    path: (w) => `${recommendation(w, w.r1)}/indicators/${w.indicatorId}/measurements`,
    body: (w) => ({ committeeId: w.committeeId, value: 51.5, measuredOn: '2026-08-31', source: 'Schulstatistik', note: 'Vorläufig' }),
    actor: (w) => actors.committee(w.committeeId),
    businessDates: ['measuredOn'],
    referenceIds: { committeeId: NOT_OWN_COMMITTEE },
    unknownPaths: [
      [(w) => `${recommendation(w, randomUUID())}/indicators/${w.indicatorId}/measurements`, NO_RECOMMENDATION],
      [(w) => `${recommendation(w, w.r1)}/indicators/${randomUUID()}/measurements`, [404, 'measurement.unknown-indicator']],
    ],
  },
  {
    name: 'review sustainability',
    path: (w) => `${recommendation(w, w.r1)}/sustainability-reviews`,
    body: () => ({ reviewedOn: '2026-10-01', outcome: 'at_risk', anchoring: ['agreement'], note: 'Finanzierung nur bis 2027 gesichert.' }),
    actor: () => actors.steering(),
    businessDates: ['reviewedOn'],
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/sustainability-reviews`, NO_RECOMMENDATION]],
  },
  {
    name: 'report outcome to a conference',
    path: (w) => `${recommendation(w, w.r1)}/outcome-reports`,
    body: (w) => ({ conferenceId: w.laterConferenceId, summary: 'Teilweise umgesetzt; Finanzierung offen.' }),
    actor: () => actors.office(),
    businessDates: ['effectiveOn'],
    referenceIds: { conferenceId: [404, 'outcome.conference-unknown'] },
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/outcome-reports`, NO_RECOMMENDATION]],
  },
  {
    name: 'withdraw recommendation',
    path: (w) => `${recommendation(w, w.toWithdraw)}/withdrawal`,
    body: () => ({ reason: 'Durch Landesprogramm erledigt' }),
    actor: () => actors.steering(),
    businessDates: ['effectiveOn'],
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/withdrawal`, NO_RECOMMENDATION]],
  },
  {
    name: 'supersede recommendation',
    path: (w) => `${recommendation(w, w.toSupersede)}/supersession`,
    body: (w) => ({ successorId: w.r1, reason: 'In der neuen Empfehlung aufgegangen' }),
    actor: () => actors.steering(),
    businessDates: ['effectiveOn'],
    referenceIds: { successorId: [404, 'supersede.successor-unknown'] },
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/supersession`, NO_RECOMMENDATION]],
  },
  {
    name: 'correct entry',
    path: (w) => `${recommendation(w, w.r1)}/corrections`,
    body: (w) => ({ correctsEventId: w.adoptedEventId, correctedEventType: 'RecommendationAdopted', correctedFields: { reference: '9. BK / 4' }, reason: 'Zahlendreher' }),
    actor: () => actors.office(),
    businessDates: ['effectiveOn', 'correctedFields.adoptedOn'],
    referenceIds: { correctsEventId: [404, 'correction.unknown-event'] },
    unknownPaths: [[(w) => `${recommendation(w, randomUUID())}/corrections`, NO_RECOMMENDATION]],
  },
];

// ---- the malformed variants -------------------------------------------------------------------

type Json = Record<string, unknown>;
interface Case {
  what: string;
  answer: Answer;
  path?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const clone = (body: Json): Json => structuredClone(body);
function setPath(body: Json, path: string, value: unknown): Json {
  const copy = clone(body);
  const keys = path.split('.');
  let at = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}
const wrongTypeOf = (value: unknown): unknown =>
  typeof value === 'string' ? 12345 : typeof value === 'number' ? 'zwölf' : Array.isArray(value) ? 'keine Liste' : typeof value === 'object' ? 'kein Objekt' : 'falsch';

/** Every string leaf, with its path. */
function stringLeaves(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, path ? `${path}.${k}` : k));
  return [];
}
function setLeaf(body: Json, path: string, value: unknown): Json {
  const copy = clone(body);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

function casesOf(row: Row, w: World): Case[] {
  const body = row.body(w);
  /** A body without a proper regionId never gets past access control where the region comes from the body. */
  const bodyAnswer = (touchesRegion: boolean): Answer => (row.regionFromBody && touchesRegion ? [403, 'permission.region'] : INVALID);
  const cases: Case[] = [
    { what: 'malformed JSON', raw: '{"title": "Übergang", ', answer: [400, 'malformed-json'] },
    { what: 'a JSON array instead of an object', raw: '[1, 2, 3]', answer: INVALID },
    { what: 'a body that is not JSON at all', raw: JSON.stringify(body), contentType: 'text/plain', answer: [415, 'unsupported-media-type'] },
    { what: 'a JSON string instead of an object', raw: '"Übergang"', answer: [400, 'malformed-json'] },
    { what: 'an empty body', body: {}, answer: bodyAnswer(true) },
    { what: 'an unknown field', body: { ...body, unbekanntesFeld: 'wird nicht ignoriert' }, answer: INVALID },
    { what: 'null for every field', body: Object.fromEntries(Object.keys(body).map((k) => [k, null])), answer: bodyAnswer(true) },
    { what: 'a stale If-Match', body, headers: { 'If-Match': '"999"' }, answer: [412, 'concurrency.stale-revision'] },
    { what: 'an If-Match that is not a revision', body, headers: { 'If-Match': 'irgendwas' }, answer: [400, 'if-match.invalid'] },
    { what: 'an over-long Idempotency-Key', body, headers: { 'Idempotency-Key': 'k'.repeat(201) }, answer: [400, 'idempotency-key.invalid'] },
  ];
  for (const key of Object.keys(body)) cases.push({ what: `a wrong type for ${key}`, body: { ...body, [key]: wrongTypeOf(body[key]) }, answer: bodyAnswer(key === 'regionId') });
  for (const leaf of stringLeaves(body)) cases.push({ what: `20,001 characters in ${leaf}`, body: setLeaf(body, leaf, 'x'.repeat(20_001)), answer: bodyAnswer(leaf === 'regionId') });
  if (typeof body.title === 'string') cases.push({ what: 'a title of 301 characters', body: { ...body, title: 'T'.repeat(301) }, answer: INVALID });
  if (typeof body.text === 'string') cases.push({ what: 'a text of 20,001 characters', body: { ...body, text: 'T'.repeat(20_001) }, answer: INVALID });
  for (const date of [...row.businessDates, ...(row.otherDates ?? [])]) {
    cases.push({ what: `an impossible day in ${date}`, body: setPath(body, date, '2026-02-30'), answer: INVALID });
    cases.push({ what: `a German-format date in ${date}`, body: setPath(body, date, '12.03.2026'), answer: INVALID });
  }
  for (const date of row.businessDates) cases.push({ what: `a future ${date}`, body: setPath(body, date, TODAY_PLUS_YEARS), answer: [409, 'date.in-future'] });
  for (const [id, unknown] of Object.entries(row.referenceIds ?? {})) {
    cases.push({ what: `an unknown ${id}`, body: { ...body, [id]: randomUUID() }, answer: unknown });
    cases.push({ what: `a ${id} that is no uuid`, body: { ...body, [id]: 'gremium-1' }, answer: INVALID });
  }
  for (const [i, [path, answer]] of (row.unknownPaths ?? []).entries()) cases.push({ what: `an unknown id in the path (${i + 1})`, path: path(w), body, answer });
  const lastId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/[a-z-]+$)/;
  const malformedPath = row.path(w).replace(lastId, 'kein-uuid');
  if (malformedPath !== row.path(w)) {
    // A region the account does not name is refused before anything is validated, a malformed one too.
    const answer: Answer = lastId.exec(row.path(w))![0] === w.regionId ? [403, 'permission.region'] : INVALID;
    cases.push({ what: 'an id in the path that is no uuid', path: malformedPath, body, answer });
  }
  return cases;
}

// ---- the suite --------------------------------------------------------------------------------

describe('bad input never writes', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    const f = await setUpRegion(t.url);
    const post = async (path: string, body: object, headers: ActorHeaders) => {
      const res = await request(t.url).post(path).set(headers).send(body);
      if (res.status !== 201) throw new Error(`setup ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; events: Array<{ eventId: string; data: Record<string, string> }> };
    };
    const member = actors.committee(f.committeeId);
    const handOff = (id: string) =>
      post(`${recommendation(f as World, id)}/hand-offs`, { committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-31', decidedOn: '2026-04-15' }, actors.steering());

    const dissolvable = await post(`${f.base}/committees`, { name: 'AG Übergang', shortName: 'AG Ü', kind: 'extern', fieldsOfAction: [], effectiveOn: '2024-01-01' }, actors.office());
    const r1 = await adopt(t.url, f);
    await handOff(r1);
    await post(`${recommendation(f as World, r1)}/hand-offs/${f.committeeId}/acceptance`, { on: '2026-05-04' }, member);
    await post(`${recommendation(f as World, r1)}/status-reports`, { committeeId: f.committeeId, status: 'implemented', summary: 'Umgesetzt.', evidence: [], reportedOn: '2026-06-15' }, member);
    const indicator = await post(
      `${recommendation(f as World, r1)}/indicators`,
      { committeeId: f.committeeId, name: 'Quote', unit: 'Prozent', direction: 'increase', baseline: { value: 40, on: '2025-07-31' }, target: { value: 60, dueOn: '2028-07-31' }, source: 'Statistik' },
      member,
    );
    const [pendingForAccept, pendingForDecline, pendingForWithdrawal, toWithdraw, toSupersede] = await Promise.all([1, 2, 3, 4, 5].map(() => adopt(t.url, f)));
    for (const id of [pendingForAccept!, pendingForDecline!, pendingForWithdrawal!]) await handOff(id);
    const adoptedEventId = (await eventStoreOf(t.app).readStream(`recommendation-${r1}`))[0]!.id;
    const newRegionId = randomUUID();
    actInRegion(newRegionId);
    w = {
      ...f,
      dissolvableCommitteeId: dissolvable.id,
      r1,
      indicatorId: indicator.events[0]!.data.indicatorId!,
      adoptedEventId,
      pendingForAccept: pendingForAccept!,
      pendingForDecline: pendingForDecline!,
      pendingForWithdrawal: pendingForWithdrawal!,
      toWithdraw: toWithdraw!,
      toSupersede: toSupersede!,
      newRegionId,
    };
  });
  afterAll(() => t.close());

  describe.each(ROWS.map((row) => [row.name, row] as const))('%s', (_, row) => {
    it('refuses every malformed variant with its own status and code as problem+json, and writes nothing', async () => {
      const failures: string[] = [];
      const before = await eventLogSnapshot(t.app);
      for (const c of casesOf(row, w)) {
        let req = request(t.url)
          .post(c.path ?? row.path(w))
          .set({ ...row.actor(w), ...(c.headers ?? {}) });
        const res = c.raw !== undefined ? await req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw) : await (req = req.send(c.body as object));
        const problemJson = /^application\/problem\+json/.test(String(res.headers['content-type']));
        const [status, code] = c.answer;
        if (res.status !== status || res.body?.code !== code || !problemJson || res.body?.status !== res.status) {
          failures.push(`${c.what}: expected ${status} ${code}, got ${res.status} ${String(res.headers['content-type'])} ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await eventLogSnapshot(t.app)).toEqual(before);
    });
  });

  it('every row is valid as written: the unmodified bodies all succeed (so each refusal above is the variant’s doing)', async () => {
    for (const row of ROWS) {
      const res = await request(t.url).post(row.path(w)).set(row.actor(w)).send(row.body(w));
      expect({ row: row.name, status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ row: row.name, status: 201, body: undefined });
    }
  });
});
