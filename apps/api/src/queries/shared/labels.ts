import type { GroupBy } from '@app/figures';
import type { RegionSnapshot } from './region-history';

/** A group key as people read it: the conference's "9. Bildungskonferenz", the committee's name. */
export function groupLabel(snapshot: RegionSnapshot, by: GroupBy | undefined, key: string): string {
  switch (by) {
    case undefined:
      return 'Kohorte';
    case 'region':
      return key === snapshot.regionId ? snapshot.regionName : key;
    case 'conference':
      return snapshot.directory.conferences.get(key)?.label ?? key;
    case 'committee':
      return snapshot.directory.committees.get(key)?.name ?? key;
    case 'year':
    case 'fieldOfAction':
      return key;
    default: {
      const _exhaustive: never = by;
      return _exhaustive;
    }
  }
}

export const committeeName = (snapshot: RegionSnapshot, committeeId: string): string =>
  snapshot.directory.committees.get(committeeId)?.name ?? committeeId;

export const conferenceLabelOf = (snapshot: RegionSnapshot, conferenceId: string): string =>
  snapshot.directory.conferences.get(conferenceId)?.label ?? conferenceId;
