import type { BusinessDateFields } from '../shared/date-field';
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

/** The field each event's business date is in: the date `asOf` filters on (businessDateOf). */
export const REGION_BUSINESS_DATE = {
  RegionRegistered: 'contractSignedOn',
} as const satisfies BusinessDateFields<RegionEvent>;
