import type { RecordedEvent } from '@app/event-store';
import { simulateHistory } from '@app/testing/simulation/simulate-history';
import { emptyDirectory } from './directory';
import { createProjection, PROJECTED_METADATA_KEYS } from './projection';

/** A simulated log as a store would deliver it, each event's metadata passed through `narrow`. */
function recordedLog(narrow: (metadata: Record<string, unknown>) => Record<string, unknown>): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  const log: RecordedEvent[] = [];
  for (const append of simulateHistory({ seed: 11, events: 4000, regions: 2 })) {
    for (const event of append.events) {
      const revision = (revisions.get(append.streamId) ?? -1n) + 1n;
      revisions.set(append.streamId, revision);
      const recordedAt = new Date(String(event.metadata.recordedAt));
      log.push({ id: event.id, streamId: append.streamId, revision, position: BigInt(log.length + 1), type: event.type, data: event.data, metadata: narrow(event.metadata), recordedAt });
    }
  }
  return log;
}

async function project(log: RecordedEvent[]) {
  const projection = createProjection({
    store: { readStream: () => Promise.reject(new Error('every history is in memory here')) },
    directory: emptyDirectory(),
    historyCapacity: 1_000_000,
  });
  const timeline = [];
  for (let i = 0; i < log.length; i += 500) timeline.push(...(await projection.apply(log.slice(i, i + 500))).timeline);
  return { timeline, rows: projection.flush().rows };
}

const only = (keys: readonly string[]) => (metadata: Record<string, unknown>) => Object.fromEntries(keys.filter((k) => k in metadata).map((k) => [k, metadata[k]]));

describe('PROJECTED_METADATA_KEYS', () => {
  let whole: Awaited<ReturnType<typeof project>>;
  beforeAll(async () => {
    whole = await project(recordedLog((m) => m));
  });

  it('are all the metadata the projection reads: with only them it projects what it projects with everything', async () => {
    expect(whole.timeline.length).toBeGreaterThan(3000);
    expect(await project(recordedLog(only(PROJECTED_METADATA_KEYS)))).toEqual(whole);
  });

  it('would notice a key the projection reads but the list lacks (the actor, here)', async () => {
    const withoutActor = await project(recordedLog(only(PROJECTED_METADATA_KEYS.filter((k) => k !== 'actor'))));
    expect(withoutActor.timeline).not.toEqual(whole.timeline);
  });
});
