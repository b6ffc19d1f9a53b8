import request from 'supertest';
import { CommandBus } from '@nestjs/cqrs';
import { eventIdFor, newAggregateId, principalKey } from '../../apps/api/src/command-pipeline/derived-ids';
import { requestHash } from '../../apps/api/src/command-pipeline/request-hash';
import type { CommandRequest } from '../../apps/api/src/command-pipeline/command-request';
import { systemRequest } from '../../apps/api/src/command-pipeline/system-request';
import { AdoptRecommendationCommand } from '../../apps/api/src/recommendations/adopt/adopt.handler';
import { signTestToken } from '../support/auth';
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
    // Same key in another region: other ids (the key is scoped by region and principal).
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

  it('a crash after the append, before the answer: the retry answers with the written events and writes nothing', async () => {
    const key = newKey();
    const body = adoptionBody(f.conferenceId);
    const path = `${f.base}/recommendations`;
    // What the first attempt leaves when the process dies right after its one commit: the events
    // (ids derived from the office's key, the request's hash in their metadata) and no answer. The
    // attempt runs the real pipeline through the CommandBus, with the request HTTP would have built.
    const scoped = principalKey('buero.test', key);
    const recommendationId = newAggregateId(f.regionId, scoped, 'recommendation');
    const attempt: CommandRequest = {
      ...systemRequest({ regionId: f.regionId, actor: { userId: 'buero.test', role: 'office', committeeIds: [] }, idempotencyKey: scoped }),
      commandId: key,
      requestHash: requestHash('POST', path, body),
    };
    const written = await t.app.get(CommandBus).execute(new AdoptRecommendationCommand(recommendationId, body, attempt));
    expect(written.events.map((e) => e.eventId)).toEqual([eventIdFor(f.regionId, scoped, 0)]);
    const before = await eventLogSnapshot(t.app);

    const retry = await adoptWith(key, body).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe('"0"');
    expect(retry.headers.location).toBe(`/api/regions/${f.regionId}/recommendations/${recommendationId}`);
    expect(retry.body).toEqual({ id: recommendationId, ...written });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('a crash before the append leaves nothing behind: the retry goes through at once, with no key stuck in progress', async () => {
    const key = newKey();
    // An attempt that died before its commit wrote nothing at all; there is no claim to expire.
    const before = await eventLogSnapshot(t.app);
    const res = await adoptWith(key).expect(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect((await eventLogSnapshot(t.app)).count).toBe(before.count + 1);
  });

  it('truly concurrent duplicates: one write, and every one of them answers it (201, the same body)', async () => {
    const key = newKey();
    const before = await eventLogSnapshot(t.app);
    const answers = await Promise.all(Array.from({ length: 8 }, () => adoptWith(key)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect((await eventLogSnapshot(t.app)).count).toBe(before.count + 1);
    const retry = await adoptWith(key).expect(201);
    expect(retry.body).toEqual(answers[0]!.body);
  });

  it("another account's key is another key: the same key from a second office account writes its own command", async () => {
    const key = newKey();
    const other = { Authorization: `Bearer ${signTestToken('office', { userId: 'buero.zwei', regionIds: [f.regionId] })}` };
    const first = await adoptWith(key).expect(201);
    const before = await eventLogSnapshot(t.app);
    // The same body: not a replay of the first account's answer.
    const same = await request(t.url).post(`${f.base}/recommendations`).set({ ...other, 'Idempotency-Key': key }).send(adoptionBody(f.conferenceId)).expect(201);
    expect(same.headers['idempotent-replayed']).toBeUndefined();
    expect(same.body.id).not.toBe(first.body.id);
    expect(same.body.events[0].metadata.actor.userId).toBe('buero.zwei');
    // Another body: not 422, since the key is not the first account's.
    const changed = await request(t.url)
      .post(`${f.base}/recommendations`)
      .set({ ...other, 'Idempotency-Key': `${key}-b` })
      .send({ ...adoptionBody(f.conferenceId), title: 'Ein anderer Titel' })
      .expect(201);
    await request(t.url).post(`${f.base}/recommendations`).set({ ...actors.office(), 'Idempotency-Key': `${key}-b` }).send(adoptionBody(f.conferenceId)).expect(201);
    expect((await eventLogSnapshot(t.app)).count).toBe(before.count + 3);
    // Each account's retry replays its own answer.
    const again = await request(t.url).post(`${f.base}/recommendations`).set({ ...other, 'Idempotency-Key': key }).send(adoptionBody(f.conferenceId)).expect(201);
    expect(again.body).toEqual(same.body);
    expect((await adoptWith(key).expect(201)).body).toEqual(first.body);
    expect(changed.body.events[0].data.title).toBe('Ein anderer Titel');
  });

  it('the same key for a command on another resource is 422 and writes nothing', async () => {
    const key = newKey();
    await adoptWith(key).expect(201);
    const before = await eventLogSnapshot(t.app);
    const res = await request(t.url)
      .post(`${f.base}/committees`)
      .set({ ...actors.office(), 'Idempotency-Key': key })
      .send({ name: 'Neues Gremium', shortName: 'NG', kind: 'fachgremium', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-02-01' })
      .expect(422);
    expect(res.body).toMatchObject({ status: 422, code: 'idempotency-key.reused' });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
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
