import type { CalendarDate } from '../shared/calendar-date';
import type { RegionId } from '../shared/ids';

export type RegionState =
  | { status: 'unregistered' }
  | { status: 'registered'; regionId: RegionId; name: string; contractSignedOn: CalendarDate };

export const initialRegionState = (): RegionState => ({ status: 'unregistered' });
