import { jest } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actInRegion, actors, type ActorHeaders } from '../support/actors';
import { signTestToken, TEST_JWT_SECRET } from '../support/auth';
import { unsubscribeKey, unsubscribeToken } from '../../apps/api/src/reminders/subscriptions/unsubscribe-token';
import { fillPath } from '../support/endpoints';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { commandHeadersArbitrary, type Components, rawBodyArbitrary, type RawBody, type Schema, validishArbitrary } from '../support/openapi-bodies';
import { adopt, setUpRegion } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Property: whatever body reaches a write endpoint, the answer is never a 5xx, every 4xx is a
 * problem+json, and a refused request writes nothing. At least 10,000 generated requests go over a
 * real socket to EVERY write operation of the OpenAPI document (a new endpoint is covered without
 * touching this file, unless it has a new kind of path id), each as a role that may call it, with
 * real ids. Requests go out in batches of BATCH in parallel; around each batch the event log's size
 * must grow by exactly the events the batch's 201 answers report (replays excluded), so any write
 * by a refused request is caught. The seed is fixed and printed; PROPERTY_SEED=<n> reruns another.
 */

const SEED = Number(process.env.PROPERTY_SEED ?? 1_412_2026);
const REQUESTS = 10_000;
const BATCH = 8;
const RUNS = Math.ceil(REQUESTS / BATCH);

interface Operation {
  method: string;
  path: string;
  schema: Schema | undefined;
  /** The headers of each role that may call it (committee members with both real committees). */
  callers: { role: string; headers: ActorHeaders }[];
}

interface Outcome {
  status: number;
  problem: boolean;
  body: { status?: number; code?: string; errors?: unknown; events?: unknown[] } | undefined;
  replayed: boolean;
}

// About a minute here on 2 shared cores; ten leave room for a machine several times slower.
jest.setTimeout(10 * 60_000);

describe('every write endpoint, generated bodies: never a 5xx, nothing written on a 4xx', () => {
  let t: TestApp;
  let operations: Operation[];
  let ids: Record<string, string[]>;
  const spareRegions = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    t = await startTestApp();
    const f = await setUpRegion(t.url);
    spareRegions.forEach(actInRegion);
    const post = async (path: string, body: object, headers: ActorHeaders) => {
      const res = await request(t.url).post(path).set(headers).send(body);
      if (res.status !== 201) throw new Error(`setup ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; events?: { data: Record<string, string> }[] };
    };
    const rec = (id: string) => `${f.base}/recommendations/${id}`;
    const member = actors.committee(f.committeeId);
    const [r1, r2, r3, r4] = [await adopt(t.url, f), await adopt(t.url, f), await adopt(t.url, f), await adopt(t.url, f)];
    for (const id of [r1!, r2!]) await post(`${rec(id)}/hand-offs`, { committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-31', decidedOn: '2026-04-15' }, actors.steering());
    await post(`${rec(r1!)}/hand-offs/${f.committeeId}/acceptance`, { on: '2026-05-04' }, member);
    const indicator = await post(
      `${rec(r1!)}/indicators`,
      { committeeId: f.committeeId, name: 'Quote', unit: 'Prozent', direction: 'increase', baseline: { value: 40, on: '2025-07-31' }, target: { value: 60, dueOn: '2028-07-31' }, source: 'Statistik' },
      member,
    );
    const account = await post(`${f.base}/accounts`, { email: 'eigenschaft@beispiel.de', displayName: 'Eigenschaftstest', role: 'auditor', password: 'Sehr-geheimes-Passwort-2026' }, actors.office());
    const eventIds = (await eventStoreOf(t.app).readStream(`recommendation-${r1}`)).map((e) => e.id);
    const follower = { Authorization: `Bearer ${signTestToken('auditor', { userId: account.id, regionIds: [f.regionId] })}` };
    const subscription = (await request(t.url).post(`${f.base}/subscriptions`).set(follower).send({ targetType: 'recommendation', targetId: r1, mode: 'change' }).expect(201)).body.subscriptionId as string;
    ids = {
      regionId: [f.regionId],
      conferenceId: [f.conferenceId, f.laterConferenceId],
      committeeId: [f.committeeId, f.otherCommitteeId],
      recommendationId: [r1!, r2!, r3!, r4!],
      indicatorId: [indicator.events![0]!.data.indicatorId!],
      accountId: [account.id],
      eventId: eventIds,
      subscriptionId: [subscription, randomUUID()],
      token: [unsubscribeToken(unsubscribeKey(TEST_JWT_SECRET), subscription), 'kein-token'],
    };

    const doc = (await request(t.url).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components: { schemas: Components };
    };
    components = doc.components.schemas;
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, schema: op.requestBody?.content?.['application/json']?.schema })),
    );
    // Who may call what, asked of the API itself: every role whose call is not refused for its role.
    const roles: { role: string; headers: ActorHeaders }[] = [
      { role: 'office', headers: actors.office() },
      { role: 'steering', headers: actors.steering() },
      { role: 'committee', headers: actors.committee(...ids.committeeId!) },
      { role: 'auditor', headers: actors.auditor() },
    ];
    operations = [];
    for (const w of writes) {
      const url = fillPath(w.path, pathId);
      const callers = [];
      for (const r of roles) {
        const res = await request(t.url)[w.method.toLowerCase() as 'post'](url).set(r.headers).send({ unbekannt: true });
        if (res.status >= 500) throw new Error(`${w.method} ${w.path} as ${r.role} with a probe body: ${res.status}`);
        if (!(res.status === 403 && res.body.code === 'permission.role')) callers.push(r);
      }
      if (callers.length === 0) throw new Error(`${w.method} ${w.path}: no role may call it`);
      operations.push({ ...w, callers });
    }
    console.log(`property seed ${SEED}: ${REQUESTS} requests over ${operations.length} write endpoints:\n${operations.map((o) => `  ${o.method} ${o.path} as ${o.callers.map((c) => c.role).join('/')}`).join('\n')}`);
  }, 5 * 60_000);
  afterAll(() => t?.close());

  let components: Components;
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
  /** A real id for a path parameter; a parameter naming something new must be added to `ids` above. */
  const pathId = (param: string, n = 0): string => {
    const list = ids[param];
    if (!list) throw new Error(`No real ids for the path parameter {${param}}: add them to the setup`);
    return pick(list, n);
  };
  const idsFor = (name: string): readonly string[] | undefined => {
    if (/committee/i.test(name)) return ids.committeeId;
    if (/conference/i.test(name)) return ids.conferenceId;
    if (/^successorId$|recommendation/i.test(name)) return ids.recommendationId;
    if (/eventId$/i.test(name)) return ids.eventId;
    if (/indicator/i.test(name)) return [...ids.indicatorId!, randomUUID()];
    // Registering a region: ids the office's token names but nobody registered yet, and the existing one.
    if (/region/i.test(name)) return [...ids.regionId!, ...spareRegions];
    if (/account/i.test(name)) return ids.accountId;
    if (/subscription/i.test(name)) return ids.subscriptionId;
    if (name === 'token') return ids.token;
    if (name === 'any') return Object.values(ids).flat();
    return undefined;
  };

  async function send(op: Operation, caller: ActorHeaders, pathPick: number, body: RawBody, headers: Record<string, string>): Promise<Outcome> {
    const url = `${t.url}${fillPath(op.path, (param) => pathId(param, pathPick))}`;
    const res = await fetch(url, {
      method: op.method,
      headers: { ...caller, ...headers, ...(body.contentType !== undefined ? { 'Content-Type': body.contentType } : {}) },
      ...(body.text !== undefined ? { body: body.text } : {}),
    });
    const text = await res.text();
    const problem = /^application\/problem\+json/.test(res.headers.get('content-type') ?? '');
    let parsed: Outcome['body'];
    try {
      parsed = text ? (JSON.parse(text) as Outcome['body']) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, problem, body: parsed, replayed: res.headers.get('idempotent-replayed') === 'true' };
  }

  it(`${REQUESTS} generated requests: no 5xx, a problem+json for every 4xx, and only 201s write`, async () => {
    // Operations and callers by name, so a counterexample prints short (no tokens).
    const byName = new Map(operations.map((o) => [`${o.method} ${o.path}`, o]));
    const requestArbitrary = fc.constantFrom(...byName.keys()).chain((name) => {
      const op = byName.get(name)!;
      const validish = op.schema ? validishArbitrary(op.schema, components, idsFor) : fc.constant({});
      return fc.record({
        name: fc.constant(name),
        role: fc.constantFrom(...op.callers.map((c) => c.role)),
        pathPick: fc.nat(),
        body: rawBodyArbitrary(validish),
        headers: commandHeadersArbitrary,
      });
    });
    const statuses = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(requestArbitrary, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const before = await eventLogSnapshot(t.app);
        const outcomes = await Promise.all(
          batch.map((r) => {
            const op = byName.get(r.name)!;
            return send(op, op.callers.find((c) => c.role === r.role)!.headers, r.pathPick, r.body, r.headers);
          }),
        );
        const after = await eventLogSnapshot(t.app);
        sent += batch.length;
        const failures: string[] = [];
        let reported = 0;
        outcomes.forEach((o, i) => {
          statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
          const r = batch[i]!;
          const what = `${r.name} as ${r.role}, ${r.body.mutation}, headers ${JSON.stringify(r.headers)}: ${o.status} ${JSON.stringify(o.body)?.slice(0, 300)}`;
          if (o.status >= 500) failures.push(`5xx: ${what}`);
          else if (o.status >= 400 && (!o.problem || o.body?.status !== o.status)) failures.push(`4xx without problem+json: ${what}`);
          else if (o.status === 400 && o.body?.code === 'validation' && !(Array.isArray(o.body.errors) && o.body.errors.length > 0)) failures.push(`validation 400 without errors: ${what}`);
          else if (o.status < 400 && o.status !== 200 && o.status !== 201 && o.status !== 204) failures.push(`unexpected status: ${what}`);
          if (o.status === 201 && !o.replayed) reported += Array.isArray(o.body?.events) ? o.body.events.length : 0;
        });
        if (after.count - before.count !== reported) {
          failures.push(`the log grew by ${after.count - before.count} events, the 201 answers report ${reported}: ${batch.map((r, i) => `${r.name} ${r.body.mutation} → ${outcomes[i]!.status}`).join('; ')}`);
        }
        if (failures.length > 0) throw new Error(failures.join('\n'));
      }),
      // No shrinking: the state the requests met has moved on, so a shrunk batch would meet another one.
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`property seed ${SEED}: ${sent} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    // Some generated bodies must be accepted, or the generator only tests the front door.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
  });
});
