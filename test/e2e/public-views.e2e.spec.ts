import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_REGION_ID, demoRecommendationId, seedDemo } from '../../apps/api/src/demo';
import { signTestToken } from '../support/auth';
import { eventStoreOf } from '../support/event-log';
import { startTestApp, type TestApp } from '../support/test-app';

const SEEDING = 240_000;
const P = `/api/public/regions/${DEMO_REGION_ID}`;

/** Keys that would carry people or internal notes; none may appear anywhere in a public answer. */
const INTERNAL_KEY = /^(actor|actors|account|accountId|userId|user|role|onBehalfOf|email|contact|note|notes|reason|summary|mandate|evidence|evidenceChecked|recordedAt|eventId|revision|correctsEventId|commandId|metadata)$/i;

function keysOf(value: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => keysOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(`${path}.${k}`);
      keysOf(v, `${path}.${k}`, out);
    }
  return out;
}

/** "Was wurde aus …?" without login: only what may be published, cacheable, and nothing when switched off. */
describe('public views of a region', () => {
  let t: TestApp;
  const answers: { path: string; text: string; body: unknown }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.app); // switches the demo region's public views on
    // Every public page of the demo network, as anyone would fetch them.
    const region = await request(t.url).get(P).expect(200);
    answers.push({ path: P, text: region.text, body: region.body });
    for (const c of region.body.conferences as { conferenceId: string }[]) {
      const path = `${P}/conferences/${c.conferenceId}`;
      const conference = await request(t.url).get(path).expect(200);
      answers.push({ path, text: conference.text, body: conference.body });
      for (const r of conference.body.recommendations as { recommendationId: string }[]) {
        const pagePath = `${P}/recommendations/${r.recommendationId}`;
        const page = await request(t.url).get(pagePath).expect(200);
        answers.push({ path: pagePath, text: page.text, body: page.body });
      }
    }
  }, SEEDING);
  afterAll(() => t?.close());

  it('lists the conferences and every recommendation of each, without login', () => {
    const region = answers[0].body as { region: string; conferences: { label: string; recommendationCount: number }[] };
    expect(region.region).toBe('Bildungsregion Stadt Düsseldorf (Demodaten)');
    expect(region.conferences.map((c) => c.label)[0]).toBe('1. Bildungskonferenz');
    expect(region.conferences).toHaveLength(10);
    const recommendations = region.conferences.reduce((sum, c) => sum + c.recommendationCount, 0);
    expect(recommendations).toBe(36);
    expect(answers).toHaveLength(1 + 10 + 36);
  });

  it('shows no internal field anywhere: no actor, account, note, reason, contact, summary or mandate key', () => {
    const found = answers.flatMap((a) => keysOf(a.body).filter((k) => INTERNAL_KEY.test(k.split('.').at(-1)!)).map((k) => `${a.path}: ${k}`));
    expect(found).toEqual([]);
  });

  it('shows none of the account ids that recorded the events, and none of the free texts people typed', async () => {
    const events = (await eventStoreOf(t.app).readAll()).filter((e) => (e.metadata as { regionId?: string }).regionId === DEMO_REGION_ID);
    const userIds = new Set(events.map((e) => (e.metadata as { actor?: { userId?: string } }).actor?.userId).filter((u): u is string => Boolean(u)));
    expect(userIds.size).toBeGreaterThan(1);
    const texts = new Set<string>();
    for (const e of events) {
      const d = e.data as Record<string, unknown>;
      for (const field of ['reason', 'note', 'contact', 'summary', 'mandate']) if (typeof d[field] === 'string' && (d[field] as string).length >= 12) texts.add(d[field] as string);
    }
    expect(texts.size).toBeGreaterThan(10);
    const all = answers.map((a) => a.text).join('\n');
    expect([...userIds].filter((u) => all.includes(`"${u}"`) || all.includes(`(${u})`))).toEqual([]);
    expect([...texts].filter((x) => all.includes(JSON.stringify(x).slice(1, -1)))).toEqual([]);
  });

  it('tells a recommendation’s state and public timeline, with corrections applied', async () => {
    const page = await request(t.url).get(`${P}/recommendations/${demoRecommendationId('bk7-1')}`).expect(200);
    expect(page.body.recommendation).toMatchObject({ reference: '7. BK / 1', lifecycle: 'sustained', conference: '7. Bildungskonferenz' });
    const lines = (page.body.timeline as { date: string; text: string }[]).map((e) => `${e.date} ${e.text}`);
    expect(lines.slice(0, 3)).toEqual([
      '2018-11-21 Von der 7. Bildungskonferenz beschlossen.',
      '2019-01-23 Der Lenkungskreis hat die Empfehlung an das Gremium „Integrationsrat“ übergeben; erster Bericht fällig am 31.12.2019.',
      // Accepted by the office in the committee's name: the public sees the committee's answer, not who typed it.
      '2019-02-11 Das Gremium „Integrationsrat“ hat den Auftrag angenommen.',
    ]);
    // The measurement recorded as 8 and corrected to 80: the public sees 80, and no correction entry.
    expect(lines.some((l) => / 80 Prozent\.$/.test(l))).toBe(true);
    expect(lines.some((l) => / 8 Prozent\.$/.test(l))).toBe(false);
    expect(lines.some((l) => /Korrektur/.test(l))).toBe(false);
    expect(lines.map((l) => l.slice(0, 10))).toEqual([...lines.map((l) => l.slice(0, 10))].sort());
  });

  it('may be cached by anyone: Cache-Control public, an ETag, and 304 when unchanged', async () => {
    const first = await request(t.url).get(P).expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(first.headers['set-cookie']).toBeUndefined();
    await request(t.url).get(P).set('If-None-Match', first.headers.etag).expect(304);
    await request(t.url).get(P).set('If-None-Match', '"anders"').expect(200);
  });

  it('answers 404 for a region that has not switched them on, an unknown region, and after switching off', async () => {
    const regionId = randomUUID();
    const office = `Bearer ${signTestToken('office', { regionIds: [regionId], userId: 'buero.oeffentlich' })}`;
    await request(t.url).post('/api/regions').set('Authorization', office).send({ regionId, name: 'Bildungsregion Verschlossen', contractSignedOn: '2024-01-15' }).expect(201);
    const off = await request(t.url).get(`/api/public/regions/${regionId}`).expect(404);
    expect(off.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(off.body.code).toBe('public-views.not-enabled');
    expect(off.body.detail).toBe('Für diese Bildungsregion gibt es keine öffentlichen Ansichten.');
    expect((await request(t.url).get(`/api/public/regions/${randomUUID()}`).expect(404)).body.code).toBe('public-views.not-enabled');

    await request(t.url).put(`/api/regions/${regionId}/settings/public-views`).set('Authorization', office).send({ enabled: true }).expect(200);
    const on = await request(t.url).get(`/api/public/regions/${regionId}`).expect(200);
    expect(on.body).toMatchObject({ region: 'Bildungsregion Verschlossen', conferences: [] });
    await request(t.url).put(`/api/regions/${regionId}/settings/public-views`).set('Authorization', office).send({ enabled: false }).expect(200);
    await request(t.url).get(`/api/public/regions/${regionId}`).expect(404);
    // The demo region's pages stay reachable, another region's ids are not found in it.
    await request(t.url).get(`${P}/recommendations/${randomUUID()}`).expect(404);
    await request(t.url).get(`${P}/conferences/${randomUUID()}`).expect(404);
    expect((await request(t.url).get('/api/public/regions/keine-uuid').expect(400)).headers['content-type']).toMatch(/problem\+json/);
  });
});
