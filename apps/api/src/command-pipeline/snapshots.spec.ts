import { SnapshotCache, type Snapshot } from './snapshots';

const at = (revision: bigint): Snapshot<string> => ({ revision, state: `state at ${revision}`, regionId: 'region-a', eventIds: new Set() });

describe('SnapshotCache', () => {
  it('keeps the later of two snapshots of a stream, whichever arrives last', () => {
    const cache = new SnapshotCache(10);
    cache.put('s', at(5n));
    cache.put('s', at(3n));
    expect(cache.get<string>('s')?.revision).toBe(5n);
    cache.put('s', at(7n));
    expect(cache.get<string>('s')?.state).toBe('state at 7');
  });

  it('forgets the stream used least recently once full', () => {
    const cache = new SnapshotCache(2);
    cache.put('a', at(0n));
    cache.put('b', at(0n));
    cache.get('a');
    cache.put('c', at(0n));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size).toBe(2);
  });
});
