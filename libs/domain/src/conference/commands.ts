import type { CalendarDate } from '../shared/calendar-date';
import type { ConferenceId, RegionId } from '../shared/ids';
import type { CommandMeta } from '../shared/metadata';
import type { ConferenceKind } from './events';

/** `effectiveOn` defaults to today (Europe/Berlin) wherever a command offers it. */
export type ScheduleConference = {
  type: 'ScheduleConference';
  data: {
    conferenceId: ConferenceId;
    regionId: RegionId;
    number: number;
    kind: ConferenceKind;
    title: string;
    motto?: string;
    date: CalendarDate;
    topics: string[];
    effectiveOn?: CalendarDate;
  };
  meta: CommandMeta;
};

export type HoldConference = {
  type: 'HoldConference';
  data: { conferenceId: ConferenceId; heldOn: CalendarDate };
  meta: CommandMeta;
};

export type RescheduleConference = {
  type: 'RescheduleConference';
  data: { conferenceId: ConferenceId; date: CalendarDate; reason: string; effectiveOn?: CalendarDate };
  meta: CommandMeta;
};

export type ConferenceCommand = ScheduleConference | HoldConference | RescheduleConference;
export type ConferenceCommandType = ConferenceCommand['type'];
