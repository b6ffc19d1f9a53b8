import { simulateHistory } from './simulate-history';

function run(seed: number, events: number) {
  const types = new Map<string, number>();
  let total = 0;
  const revisions = new Map<string, bigint>();
  for (const append of simulateHistory({ seed, events })) {
    const last = revisions.get(append.streamId);
    // Each append expects exactly the revision the previous one left.
    expect(append.expectedRevision).toBe(last === undefined ? 'no_stream' : last);
    revisions.set(append.streamId, (last ?? -1n) + BigInt(append.events.length));
    for (const e of append.events) types.set(e.type, (types.get(e.type) ?? 0) + 1);
    total += append.events.length;
  }
  return { types, total, streams: revisions.size };
}

describe('simulateHistory', () => {
  it('reaches the event count with the whole mix of events', () => {
    const t0 = Date.now();
    const { types, total } = run(7, 20_000);
    const ms = Date.now() - t0;
    expect(total).toBeGreaterThanOrEqual(20_000);
    expect(total).toBeLessThan(20_100);
    for (const type of ['RegionRegistered', 'CommitteeRegistered', 'ConferenceScheduled', 'ConferenceHeld', 'RecommendationAdopted', 'RecommendationHandedOff', 'HandOffAccepted', 'HandOffDeclined', 'ImplementationStatusReported', 'ImpactIndicatorDefined', 'ImpactMeasured', 'SustainabilityReviewed', 'EntryCorrected', 'RecommendationWithdrawn', 'RecommendationAmended']) {
      expect([type, types.get(type) ?? 0]).toEqual([type, expect.any(Number)]);
      expect(types.get(type) ?? 0).toBeGreaterThan(0);
    }
    console.log(`20k events in ${ms} ms`, Object.fromEntries(types));
  });

  it('is the same history for the same seed and another for another seed', () => {
    const ids = (seed: number) => [...simulateHistory({ seed, events: 500 })].flatMap((a) => a.events.map((e) => e.id));
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
  });
});
