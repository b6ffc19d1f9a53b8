import type { Pool } from 'pg';
import request from 'supertest';
import { rebuildReadModels } from '@app/rebuild';
import { PG_POOL } from '../../apps/api/src/infrastructure/tokens';
import { actors } from '../support/actors';
import { eventStoreOf } from '../support/event-log';
import { adopt, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

type Item = { recommendationId: string; lifecycle: string; overdue: boolean; nextReportDueOn: string | null };
type PageAssignment = { committeeId: string; overdue: boolean; currentDueOn?: string | null };

/**
 * Domain rule 1: nothing of a withdrawn or superseded recommendation is due or overdue any more.
 * Three recommendations with the same accepted, unreported hand-off due 2026-06-30: one withdrawn
 * and one superseded on 2026-08-01, one left open as the control. Read by replay (no read models,
 * or a past asOf), from the read models after a rebuild, and on the recommendation page.
 */
describe('retired recommendations are neither due nor overdue', () => {
  let t: TestApp;
  let f: RegionFixture;
  const r = { withdrawn: '', superseded: '', open: '', successor: '' };

  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
    for (const key of ['withdrawn', 'superseded', 'open', 'successor'] as const) r[key] = await adopt(t.url, f);
    for (const id of [r.withdrawn, r.superseded, r.open]) {
      const rec = `${f.base}/recommendations/${id}`;
      await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Prüfen', reportDueOn: '2026-06-30', decidedOn: '2026-04-15' }).expect(201);
      await request(t.url).post(`${rec}/hand-offs/${f.committeeId}/acceptance`).set(actors.committee(f.committeeId)).send({ on: '2026-05-04' }).expect(201);
    }
    await request(t.url).post(`${f.base}/recommendations/${r.withdrawn}/withdrawal`).set(actors.steering()).send({ reason: 'Erledigt', effectiveOn: '2026-08-01' }).expect(201);
    await request(t.url)
      .post(`${f.base}/recommendations/${r.superseded}/supersession`)
      .set(actors.steering())
      .send({ successorId: r.successor, reason: 'Ersetzt', effectiveOn: '2026-08-01' })
      .expect(201);
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, string> = {}, url = t.url) => {
    const res = await request(url).get(`${f.base}/recommendations`).query(query).set(actors.auditor()).expect(200);
    const byId = new Map((res.body.items as Item[]).map((i) => [i.recommendationId, i]));
    return { source: res.body.source as string, item: (id: string) => byId.get(id)! };
  };
  const pageAssignment = async (id: string, query: Record<string, string> = {}) => {
    const res = await request(t.url).get(`${f.base}/recommendations/${id}/page`).query(query).set(actors.auditor()).expect(200);
    return (res.body.assignments as PageAssignment[]).find((a) => a.committeeId === f.committeeId)!;
  };

  const expectRetiredNotDue = (item: Item, lifecycle: string) => expect(item).toMatchObject({ lifecycle, overdue: false, nextReportDueOn: null });
  const expectOpenOverdue = (item: Item) => expect(item).toMatchObject({ lifecycle: 'handed_off', overdue: true, nextReportDueOn: '2026-06-30' });

  it('replay, as of today: the list shows the retired ones without due date, the open one overdue', async () => {
    const { source, item } = await list();
    expect(source).toBe('replay');
    expectRetiredNotDue(item(r.withdrawn), 'withdrawn');
    expectRetiredNotDue(item(r.superseded), 'superseded');
    expectOpenOverdue(item(r.open));
  });

  it('replay, as of a day before the retirement: all three were overdue then', async () => {
    const { source, item } = await list({ asOf: '2026-07-31' });
    expect(source).toBe('replay');
    for (const id of [r.withdrawn, r.superseded, r.open]) expect(item(id)).toMatchObject({ overdue: true, nextReportDueOn: '2026-06-30' });
    const { item: onTheDay } = await list({ asOf: '2026-08-01' });
    expectRetiredNotDue(onTheDay(r.withdrawn), 'withdrawn');
    expectRetiredNotDue(onTheDay(r.superseded), 'superseded');
  });

  it('the recommendation page: no due date and not overdue from the day of retirement on', async () => {
    for (const id of [r.withdrawn, r.superseded]) {
      const now = await pageAssignment(id);
      expect(now.overdue).toBe(false);
      expect(now.currentDueOn ?? null).toBeNull();
      expect(await pageAssignment(id, { asOf: '2026-07-31' })).toMatchObject({ overdue: true, currentDueOn: '2026-06-30' });
    }
    expect(await pageAssignment(r.open)).toMatchObject({ overdue: true, currentDueOn: '2026-06-30' });
  });

  it('read models after a rebuild: the same answers, and no stored due date for the retired ones', async () => {
    const pool = t.app.get<Pool>(PG_POOL);
    await rebuildReadModels({ store: eventStoreOf(t.app), pool });
    // A process that has not read the region yet answers "now" from the read models (t keeps the region's log in memory).
    const cold = await startTestApp({}, { database: t.db });
    const { source, item } = await list({}, cold.url).finally(() => cold.close());
    expect(source).toBe('read_model');
    expectRetiredNotDue(item(r.withdrawn), 'withdrawn');
    expectRetiredNotDue(item(r.superseded), 'superseded');
    expectOpenOverdue(item(r.open));

    const { rows } = await pool.query<{ recommendation_id: string; next_due_on: string | null; current_due_on: string | null; can_be_overdue: boolean }>(
      `SELECT r.recommendation_id, r.next_due_on::text, a.current_due_on::text, a.can_be_overdue
         FROM read_model.recommendations r JOIN read_model.assignments a USING (recommendation_id)
        WHERE r.recommendation_id = ANY($1) ORDER BY r.recommendation_id`,
      [[r.withdrawn, r.superseded, r.open]],
    );
    const row = (id: string) => rows.find((x) => x.recommendation_id === id);
    for (const id of [r.withdrawn, r.superseded]) expect(row(id)).toEqual({ recommendation_id: id, next_due_on: null, current_due_on: null, can_be_overdue: false });
    expect(row(r.open)).toEqual({ recommendation_id: r.open, next_due_on: '2026-06-30', current_due_on: '2026-06-30', can_be_overdue: true });
  });
});
