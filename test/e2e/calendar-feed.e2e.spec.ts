import ical from 'node-ical';
import type { Pool } from 'pg';
import request from 'supertest';
import { READ_MODEL_SCHEMA } from '@app/read-models';
import { PG_POOL } from '../../apps/api/src/infrastructure/tokens';
import { actors } from '../support/actors';
import { waitFor } from '../support/processes';
import { adoptionBody, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://radar.example.de';
/** node-ical gives all-day dates as local midnight. */
const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe("a committee's calendar feed (iCalendar, secret renewable address)", () => {
  let t: TestApp;
  let f: RegionFixture;
  const ids: Record<string, string> = {};

  async function recommendation(key: string, steps: (rec: string) => Promise<void>) {
    const res = await request(t.url).post(`${f.base}/recommendations`).set(actors.office()).send({ ...adoptionBody(f.conferenceId, [f.committeeId]), reference: `9. BK / ${key}`, title: `Empfehlung ${key}` }).expect(201);
    ids[key] = res.body.id;
    await steps(`${f.base}/recommendations/${res.body.id}`);
  }
  const handOff = (rec: string, reportDueOn: string) =>
    request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn, decidedOn: '2026-04-01' }).expect(201);
  const accept = (rec: string) => request(t.url).post(`${rec}/hand-offs/${f.committeeId}/acceptance`).set(actors.committee(f.committeeId)).send({ on: '2026-04-02' }).expect(201);

  beforeAll(async () => {
    t = await startTestApp({ PROJECTOR: 'inline', PUBLIC_URL });
    f = await setUpRegion(t.url);
    // Pending: the answer is due 60 days after the decision.
    await recommendation('A', async (rec) => void (await handOff(rec, '2026-12-31')));
    await recommendation('B', async (rec) => {
      await handOff(rec, '2027-02-15');
      await accept(rec);
    });
    // Withdrawn: nothing of it is due (domain rule 1).
    await recommendation('C', async (rec) => {
      await handOff(rec, '2027-01-10');
      await accept(rec);
      await request(t.url).post(`${rec}/withdrawal`).set(actors.steering()).send({ reason: 'Erledigt durch Landesprogramm' }).expect(201);
    });
    // Implemented on 1 May 2026: its sustainability review is due 12 months later.
    await recommendation('D', async (rec) => {
      await handOff(rec, '2026-06-30');
      await accept(rec);
      await request(t.url).post(`${rec}/status-reports`).set(actors.committee(f.committeeId)).send({ committeeId: f.committeeId, status: 'implemented', summary: 'Umgesetzt', evidence: [], reportedOn: '2026-05-01' }).expect(201);
    });
    const pool = t.app.get<Pool>(PG_POOL);
    await waitFor('read models hold the four recommendations', async () => {
      const { rows } = await pool.query(`SELECT facts FROM "${READ_MODEL_SCHEMA}".recommendation_facts WHERE region_id = $1`, [f.regionId]);
      return rows.length === 4 && rows.some((r) => r.facts.withdrawnOn) && rows.some((r) => r.facts.implementedOn);
    });
  }, 240_000);
  afterAll(() => t.close());

  let url: string;

  it('a member renews its own committee’s address; the feed, parsed back, holds exactly the due answer, report and review', async () => {
    const renewed = await request(t.url).post(`${f.base}/committees/${f.committeeId}/calendar-feed`).set(actors.committee(f.committeeId)).send({}).expect(201);
    url = renewed.body.url;
    expect(url).toMatch(/^https:\/\/radar\.example\.de\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await request(t.url).get(new URL(url).pathname).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = Object.values(ical.sync.parseICS(res.text)).filter((e): e is ical.VEvent => e?.type === 'VEVENT');
    expect(events.map((e) => [dayOf(e.start), e.summary, (e.start as Date & { dateOnly?: boolean }).dateOnly]).sort()).toEqual([
      ['2026-05-31', 'Antwort fällig: 9. BK / A Empfehlung A', true],
      ['2027-02-15', 'Bericht fällig: 9. BK / B Empfehlung B', true],
      ['2027-05-01', 'Nachhaltigkeitsprüfung fällig: 9. BK / D Empfehlung D', true],
    ]);
    expect(events.find((e) => String(e.summary).startsWith('Bericht'))!.url).toEqual({ params: { VALUE: 'URI' }, val: `${PUBLIC_URL}/#/empfehlung/${ids.B}` });
  });

  it('renewing makes the old address answer 404 at once; guessed addresses answer 404 too', async () => {
    const again = await request(t.url).post(`${f.base}/committees/${f.committeeId}/calendar-feed`).set(actors.office()).send({}).expect(201);
    expect(again.body.url).not.toBe(url);
    const old = await request(t.url).get(new URL(url).pathname);
    expect(old.status).toBe(404);
    expect(old.body.code).toBe('calendar.unknown');
    await request(t.url).get(new URL(again.body.url).pathname).expect(200);
    for (const guess of ['x.ics', `${'A'.repeat(43)}.ics`, "'; DROP TABLE x; --"]) expect((await request(t.url).get(`/api/calendar/${encodeURIComponent(guess)}`)).status).toBe(404);
  });

  it('refuses a member of another committee', async () => {
    const res = await request(t.url).post(`${f.base}/committees/${f.committeeId}/calendar-feed`).set(actors.committee(f.otherCommitteeId)).send({});
    expect(res.status).toBe(403);
  });
});
