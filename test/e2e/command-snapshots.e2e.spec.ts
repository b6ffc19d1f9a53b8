import request from 'supertest';
import { PostgresEventStore } from '@app/event-store/postgres';
import { eventIdFor, principalKey } from '../../apps/api/src/command-pipeline/derived-ids';
import { requestHash } from '../../apps/api/src/command-pipeline/request-hash';
import { actors, newKey } from '../support/actors';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { measurable as measurableIn, RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The API decides a command on the snapshot it holds of the stream, without reading it, and lets
 * the append's expected revision prove the snapshot current. Here another process (a store of its
 * own on the same database) writes behind the API's back, so the snapshot is behind: every answer
 * must still be the one a read of the whole stream would give.
 */
describe('commands decided on a snapshot that another process made stale', () => {
  let t: TestApp;
  let f: RegionFixture;
  let other: PostgresEventStore;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
    other = new PostgresEventStore({ url: t.db.url });
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  /** A recommendation whose stream the API has a snapshot of, and a way to record measurements on it. */
  async function measurable() {
    const { streamId, measurementPath, body, measure } = await measurableIn(t.url, f);
    const first = await measure(1).expect(201);
    return { streamId, measurementPath, body, measure, revision: Number(first.body.revision) };
  }

  /** Another process writes a copy of the stream's last event (a measurement), with its own id and metadata. */
  async function writeBehindTheApisBack(streamId: string, overrides: { id?: string; metadata?: Record<string, unknown> } = {}) {
    const [last] = await other.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const id = overrides.id ?? crypto.randomUUID();
    await other.append(streamId, [{ id, type: last!.type, data: last!.data, metadata: { ...last!.metadata, eventId: id, ...overrides.metadata } }], {
      expectedRevision: last!.revision,
    });
    return Number(last!.revision) + 1;
  }

  it('If-Match with the revision the snapshot holds, but the stream moved on: 412 naming the current revision, nothing written', async () => {
    const r = await measurable();
    const current = await writeBehindTheApisBack(r.streamId);
    const before = await eventLogSnapshot(t.app);
    const res = await r.measure(7, { 'If-Match': `"${r.revision}"` }).expect(412);
    expect(res.body).toMatchObject({ code: 'concurrency.stale-revision', currentRevision: current, expectedRevision: r.revision });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('without If-Match the command is decided on the stream as it is and appended after the other write', async () => {
    const r = await measurable();
    const current = await writeBehindTheApisBack(r.streamId);
    const res = await r.measure(8).expect(201);
    expect(res.body.revision).toBe(current + 1);
    const events = await eventStoreOf(t.app).readStream(r.streamId);
    expect(events).toHaveLength(current + 2);
    expect(events.at(-1)!.id).toBe(res.body.events[0].eventId);
  });

  it('a retry whose first attempt another process wrote replays it and writes nothing', async () => {
    const r = await measurable();
    const key = newKey();
    const scoped = principalKey('gremium.test', key);
    const body = r.body(9);
    const id = eventIdFor(f.regionId, scoped, 0);
    const revision = await writeBehindTheApisBack(r.streamId, { id, metadata: { requestHash: requestHash('POST', r.measurementPath, body) } });
    const before = await eventLogSnapshot(t.app);
    const res = await request(t.url).post(r.measurementPath).set({ ...actors.committee(f.committeeId), 'Idempotency-Key': key }).send(body).expect(201);
    expect(res.headers['idempotent-replayed']).toBe('true');
    expect(res.body.events.map((e: { eventId: string }) => e.eventId)).toEqual([id]);
    expect(res.body.revision).toBe(revision);
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('a refusal the snapshot would give is checked against the stream: the hand-off withdrawn elsewhere refuses the measurement', async () => {
    const r = await measurable();
    // The other process withdraws the committee's hand-off; the API's snapshot still has it accepted.
    const [last] = await other.readStream(r.streamId, { direction: 'backwards', maxCount: 1 });
    const withdrawn = { type: 'HandOffWithdrawn', data: { recommendationId: (last!.data as { recommendationId: string }).recommendationId, regionId: f.regionId, committeeId: f.committeeId, reason: 'anderswo zurückgezogen', effectiveOn: '2026-08-01' } };
    const id = crypto.randomUUID();
    await other.append(r.streamId, [{ id, ...withdrawn, metadata: { ...last!.metadata, eventId: id } }], { expectedRevision: last!.revision });
    const before = await eventLogSnapshot(t.app);
    const res = await r.measure(10);
    expect(res.body).toMatchObject({ code: 'measurement.requires-accepted-handoff' });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });
});
