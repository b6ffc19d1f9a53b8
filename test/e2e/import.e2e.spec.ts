import request from 'supertest';
import { LIST_HEADER, LIST_ROWS, csvOf } from '../support/import-files';
import { actors } from '../support/actors';
import { setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

describe('import of a list (smoke)', () => {
  let t: TestApp;
  let region: RegionFixture;
  beforeAll(async () => {
    t = await startTestApp({ PROJECTOR: 'inline' });
    region = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  it('previews', async () => {
    const file = csvOf([LIST_HEADER, ...LIST_ROWS], { separator: ';', encoding: 'utf8' });
    const res = await request(t.url).post(`${region.base}/imports/preview`).set(actors.office()).attach('file', file, 'liste.csv');
    console.log(res.status, JSON.stringify(res.body, null, 1).slice(0, 6000));
  });
});
