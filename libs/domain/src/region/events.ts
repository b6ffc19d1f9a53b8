import type { CalendarDate } from '../shared/calendar-date';
import type { RegionId } from '../shared/ids';
import { everyOf } from '../shared/every';

/** Business date: `contractSignedOn` (the cooperation contract founds the network). */
export type RegionRegistered = {
  type: 'RegionRegistered';
  data: { regionId: RegionId; name: string; contractSignedOn: CalendarDate };
};

export type RegionEvent = RegionRegistered;
export type RegionEventType = RegionEvent['type'];
export const REGION_EVENT_TYPES = everyOf<RegionEventType>()(['RegionRegistered']);
