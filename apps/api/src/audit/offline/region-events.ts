import { streamSetFilter, type RecordedEvent } from '@app/event-store';

/**
 * The events of one region, from events of any regions in global order: every stream whose first
 * event (revision 0) names the region in its data (RegionRegistered, ConferenceScheduled,
 * CommitteeRegistered, RecommendationAdopted all do). The port's rule (streamSetFilter, readLog's
 * `{ key: 'regionId' }`), which also decides what an export holds and what a region's views read.
 */
export function regionEventsOf<E extends Pick<RecordedEvent, 'streamId' | 'revision' | 'data'>>(events: Iterable<E>, regionId: string): E[] {
  return [...events].filter(streamSetFilter({ key: 'regionId', value: regionId }));
}

/** The region an export or a list of region events belongs to: the data of its `region-` stream's first event. */
export function regionIdOf(events: readonly Pick<RecordedEvent, 'streamId' | 'revision' | 'data'>[]): string | undefined {
  const first = events.find((e) => e.revision === 0n && e.streamId.startsWith('region-'));
  return (first?.data as { regionId?: string } | undefined)?.regionId;
}
