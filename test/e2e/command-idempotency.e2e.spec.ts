import { Pool } from 'pg';
import request from 'supertest';
import { requestHash } from '../../apps/api/src/idempotency/request-hash';
import { actors, newKey } from '../support/actors';
import { eventLogSnapshot } from '../support/event-log';
import { adoptionBody, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

describe('Idempotency-Key over HTTP', () => {
  let t: TestApp;
  let f: RegionFixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
  });
  afterAll(() => t.close());

  const adoptWith = (key: string, body: object = adoptionBody(f.conferenceId)) =>
    request(t.url).post(`${f.base}/recommendations`).set({ ...actors.office(), 'Idempotency-Key': key }).send(body);

  it('the same key with the same body writes once and replays the first answer exactly', async () => {
    const key = newKey();
    const before = await eventLogSnapshot(t.app);
    const first = await adoptWith(key).expect(201);
    const afterFirst = await eventLogSnapshot(t.app);
    expect(afterFirst.count).toBe(before.count + 1);

    // The same JSON with its keys in another order is the same request (canonical form).
    const reordered = Object.fromEntries(Object.entries(adoptionBody(f.conferenceId)).reverse());
    const second = await adoptWith(key, reordered).expect(201);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await eventLogSnapshot(t.app)).toEqual(afterFirst);
  });

  it('derives the new aggregate and event ids from the key, and records the key as commandId', async () => {
    const key = newKey();
    const res = await adoptWith(key).expect(201);
    expect(res.body.events[0].metadata.commandId).toBe(key);
    // Same key in another region: other ids (the key is scoped by region).
    const other = await setUpRegion(t.url);
    const elsewhere = await request(t.url).post(`${other.base}/recommendations`).set({ ...actors.office(), 'Idempotency-Key': key }).send(adoptionBody(other.conferenceId)).expect(201);
    expect(elsewhere.body.id).not.toBe(res.body.id);
    expect(elsewhere.body.events[0].eventId).not.toBe(res.body.events[0].eventId);
  });

  it('the same key with another body is 422 and writes nothing', async () => {
    const key = newKey();
    await adoptWith(key).expect(201);
    const before = await eventLogSnapshot(t.app);
    const res = await adoptWith(key, { ...adoptionBody(f.conferenceId), title: 'Ein anderer Titel' }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code: 'idempotency-key.reused' });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('a duplicate arriving while the first is still in progress is 409 and writes nothing', async () => {
    const key = newKey();
    const path = `${f.base}/recommendations`;
    const body = adoptionBody(f.conferenceId);
    // The first request holds the key (as it does between claiming it and answering).
    const pool = new Pool({ connectionString: t.db.url });
    try {
      await pool.query(`INSERT INTO idempotency_keys (region_id, key, request_hash, state) VALUES ($1, $2, $3, 'in-progress')`, [
        f.regionId,
        key,
        requestHash('POST', path, body),
      ]);
    } finally {
      await pool.end();
    }
    const before = await eventLogSnapshot(t.app);
    const res = await adoptWith(key, body).expect(409);
    expect(res.body).toMatchObject({ status: 409, code: 'idempotency-key.in-progress' });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('truly concurrent duplicates: one write; every answer is that write (201) or 409 in progress', async () => {
    const key = newKey();
    const before = await eventLogSnapshot(t.app);
    const answers = await Promise.all(Array.from({ length: 8 }, () => adoptWith(key)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.body).toEqual(created[0]!.body);
    for (const a of answers.filter((x) => x.status !== 201)) expect(a.body).toMatchObject({ status: 409, code: 'idempotency-key.in-progress' });
    expect((await eventLogSnapshot(t.app)).count).toBe(before.count + 1);
    // Once done, a retry replays.
    const retry = await adoptWith(key).expect(201);
    expect(retry.body).toEqual(created[0]!.body);
  });

  it('a refused request frees its key: the corrected retry with the same key goes through', async () => {
    const key = newKey();
    await adoptWith(key, { ...adoptionBody(f.conferenceId), adoptedOn: '2099-01-01' }).expect(409);
    // Another body under the same key is not 422 here: the refused attempt left no answer to replay.
    await adoptWith(key).expect(201);
  });

  it('a key longer than 200 characters is 400', async () => {
    const before = await eventLogSnapshot(t.app);
    const res = await adoptWith('k'.repeat(201)).expect(400);
    expect(res.body).toMatchObject({ code: 'idempotency-key.invalid' });
    await adoptWith('k'.repeat(200)).expect(201);
    expect((await eventLogSnapshot(t.app)).count).toBe(before.count + 1);
  });
});
