import type { BusinessDateFields } from '../shared/date-field';
import type { CalendarDate } from '../shared/calendar-date';
import type { ConferenceId, RegionId } from '../shared/ids';
import { everyOf } from '../shared/every';

export type ConferenceKind = 'bildungskonferenz' | 'tag_der_bildung';
export const CONFERENCE_KINDS: readonly ConferenceKind[] = ['bildungskonferenz', 'tag_der_bildung'];

/**
 * `date` is the planned day and may lie in the future; it is not the business date.
 * Business date: `effectiveOn`, the day it was scheduled.
 */
export type ConferenceScheduled = {
  type: 'ConferenceScheduled';
  data: {
    conferenceId: ConferenceId;
    regionId: RegionId;
    /** Numbered per region and kind: 9 for "9. BK". */
    number: number;
    kind: ConferenceKind;
    title: string;
    motto?: string;
    date: CalendarDate;
    topics: string[];
    effectiveOn: CalendarDate;
  };
};

/** Business date: `heldOn`. */
export type ConferenceHeld = {
  type: 'ConferenceHeld';
  data: { conferenceId: ConferenceId; regionId: RegionId; heldOn: CalendarDate };
};

/** `date` is the new planned day; business date: `effectiveOn`, the day the change was decided. */
export type ConferenceRescheduled = {
  type: 'ConferenceRescheduled';
  data: { conferenceId: ConferenceId; regionId: RegionId; date: CalendarDate; reason: string; effectiveOn: CalendarDate };
};

export type ConferenceEvent = ConferenceScheduled | ConferenceHeld | ConferenceRescheduled;
export type ConferenceEventType = ConferenceEvent['type'];
export const CONFERENCE_EVENT_TYPES = everyOf<ConferenceEventType>()(['ConferenceScheduled', 'ConferenceHeld', 'ConferenceRescheduled']);

/** The field each event's business date is in: the date `asOf` filters on (businessDateOf). */
export const CONFERENCE_BUSINESS_DATE = {
  ConferenceScheduled: 'effectiveOn',
  ConferenceHeld: 'heldOn',
  ConferenceRescheduled: 'effectiveOn',
} as const satisfies BusinessDateFields<ConferenceEvent>;
