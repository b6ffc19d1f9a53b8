import type { BusinessDateFields } from '../shared/date-field';
import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, RegionId } from '../shared/ids';
import { everyOf } from '../shared/every';

/** fachgremium, ausschuss (political), verwaltung (an office of the city), extern. */
export type CommitteeKind = 'fachgremium' | 'ausschuss' | 'verwaltung' | 'extern';
export const COMMITTEE_KINDS: readonly CommitteeKind[] = ['fachgremium', 'ausschuss', 'verwaltung', 'extern'];

/** Business date: `effectiveOn`. */
export type CommitteeRegistered = {
  type: 'CommitteeRegistered';
  data: {
    committeeId: CommitteeId;
    regionId: RegionId;
    name: string;
    shortName: string;
    kind: CommitteeKind;
    /** Handlungsfelder, e.g. "Inklusion". */
    fieldsOfAction: string[];
    effectiveOn: CalendarDate;
  };
};

/** Business date: `effectiveOn`. */
export type CommitteeRenamed = {
  type: 'CommitteeRenamed';
  data: { committeeId: CommitteeId; regionId: RegionId; name: string; shortName: string; effectiveOn: CalendarDate };
};

/** Business date: `dissolvedOn`. */
export type CommitteeDissolved = {
  type: 'CommitteeDissolved';
  data: { committeeId: CommitteeId; regionId: RegionId; dissolvedOn: CalendarDate; successorCommitteeId?: CommitteeId };
};

export type CommitteeEvent = CommitteeRegistered | CommitteeRenamed | CommitteeDissolved;
export type CommitteeEventType = CommitteeEvent['type'];
export const COMMITTEE_EVENT_TYPES = everyOf<CommitteeEventType>()(['CommitteeRegistered', 'CommitteeRenamed', 'CommitteeDissolved']);

/** The field each event's business date is in: the date `asOf` filters on (businessDateOf). */
export const COMMITTEE_BUSINESS_DATE = {
  CommitteeRegistered: 'effectiveOn',
  CommitteeRenamed: 'effectiveOn',
  CommitteeDissolved: 'dissolvedOn',
} as const satisfies BusinessDateFields<CommitteeEvent>;
