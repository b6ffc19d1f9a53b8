import request from 'supertest';
import { actors } from '../support/actors';
import { adopt, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Replayed views are kept per region and time point until an event of the region is added
 * (region-history.ts): concurrent and repeated requests get the same answer, and a write in the
 * region shows in the next one at once.
 */
describe('replayed views: kept until the region changes', () => {
  let t: TestApp;
  let f: RegionFixture;
  let other: RegionFixture;
  beforeAll(async () => {
    // No projector: every view here is a replay.
    t = await startTestApp();
    f = await setUpRegion(t.url);
    other = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  const funnel = (region: RegionFixture) => request(t.url).get(`${region.base}/views/funnel?asOf=2026-04-01`).set(actors.office()).expect(200);
  const adoptedAt9thConference = (body: { conferences: Array<{ conferenceId: string; stages: Array<{ stage: string; count: number }> }> }) =>
    body.conferences.find((c) => c.conferenceId === f.conferenceId)?.stages.find((s) => s.stage === 'adopted')?.count ?? 0;

  it('answers concurrent and repeated requests alike, and counts a new adoption in the next answer', async () => {
    await adopt(t.url, f);
    const answers = await Promise.all(Array.from({ length: 8 }, () => funnel(f)));
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.source).toBe('replay');
    expect(adoptedAt9thConference(answers[0]!.body)).toBe(1);

    // A write in another region leaves this region's answer as it was.
    await adopt(t.url, other);
    expect((await funnel(f)).body).toEqual(answers[0]!.body);

    await adopt(t.url, f);
    expect(adoptedAt9thConference((await funnel(f)).body)).toBe(2);
    expect(adoptedAt9thConference((await funnel(f)).body)).toBe(2);
  });
});
