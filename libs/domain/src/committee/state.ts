import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, RegionId } from '../shared/ids';
import type { CommitteeKind } from './events';

export type CommitteeState =
  | { status: 'unregistered' }
  | {
      status: 'active' | 'dissolved';
      committeeId: CommitteeId;
      regionId: RegionId;
      name: string;
      shortName: string;
      kind: CommitteeKind;
      registeredOn: CalendarDate;
      dissolvedOn?: CalendarDate;
      successorCommitteeId?: CommitteeId;
    };

export const initialCommitteeState = (): CommitteeState => ({ status: 'unregistered' });
