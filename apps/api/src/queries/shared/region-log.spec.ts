import type { RecordedEvent } from '@app/event-store';
import { RegionLog } from './region-log';

let position = 0n;
const event = (streamId: string, revision: number, data: Record<string, unknown> = {}): RecordedEvent => ({
  id: `${streamId}-${revision}`,
  streamId,
  revision: BigInt(revision),
  position: ++position,
  type: revision === 0 ? 'Opened' : 'Changed',
  data,
  metadata: {},
  recordedAt: new Date(Number(position) * 1000),
});

describe("RegionLog: a region's view streams, as read so far", () => {
  it("keeps the streams whose first event names the region, the view streams only, each in revision order", () => {
    const log = new RegionLog('ours');
    log.add([
      event('region-ours', 0, { regionId: 'ours' }),
      event('recommendation-b', 0, { regionId: 'ours' }),
      event('recommendation-x', 0, { regionId: 'theirs' }),
      event('committee-c', 0, { regionId: 'ours' }),
      event('recommendation-a', 0, { regionId: 'ours' }),
      event('recommendation-b', 1),
      event('recommendation-x', 1, { regionId: 'ours' }),
    ]);
    expect([...log.recommendations.keys()].sort()).toEqual(['recommendation-a', 'recommendation-b']);
    expect(log.recommendationIds()).toEqual(['recommendation-a', 'recommendation-b']);
    expect([...log.directory.keys()]).toEqual(['committee-c']);
    expect(log.version).toBe(4);
    expect(log.recommendations.get('recommendation-b')!.history.map((e) => e.eventId)).toEqual(['recommendation-b-0', 'recommendation-b-1']);

    // A later read adds to what is kept; a new stream of the region joins the order.
    log.add([event('recommendation-0', 0, { regionId: 'ours' }), event('recommendation-a', 1)]);
    expect(log.recommendationIds()).toEqual(['recommendation-0', 'recommendation-a', 'recommendation-b']);
    expect(log.version).toBe(6);
    expect(log.events().map((e) => e.id)).toEqual([
      'committee-c-0',
      'recommendation-0-0',
      'recommendation-a-0',
      'recommendation-a-1',
      'recommendation-b-0',
      'recommendation-b-1',
    ]);
  });

  it('puts an event delivered before an earlier revision of its stream in its place', () => {
    const log = new RegionLog('ours');
    const first = event('recommendation-a', 0, { regionId: 'ours' });
    const third = event('recommendation-a', 2);
    const second = event('recommendation-a', 1);
    log.add([first, third]);
    log.add([second]);
    expect(log.recommendations.get('recommendation-a')!.events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(log.recommendations.get('recommendation-a')!.history.map((e) => e.eventId)).toEqual(['recommendation-a-0', 'recommendation-a-1', 'recommendation-a-2']);
  });
});
