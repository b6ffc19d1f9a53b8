import type { CalendarDate } from '../shared/calendar-date';
import type { RegionId } from '../shared/ids';
import type { CommandMeta } from '../shared/metadata';

export type RegisterRegion = {
  type: 'RegisterRegion';
  data: { regionId: RegionId; name: string; contractSignedOn: CalendarDate };
  meta: CommandMeta;
};

export type RegionCommand = RegisterRegion;
export type RegionCommandType = RegionCommand['type'];
