import type { CalendarDate } from '../shared/calendar-date';
import type { ConferenceId, RegionId } from '../shared/ids';
import type { ConferenceKind } from './events';

export type ConferenceState =
  | { status: 'unscheduled' }
  | {
      status: 'scheduled' | 'held';
      conferenceId: ConferenceId;
      regionId: RegionId;
      number: number;
      kind: ConferenceKind;
      title: string;
      /** The planned day, moved by reschedules. */
      date: CalendarDate;
      heldOn?: CalendarDate;
    };

export const initialConferenceState = (): ConferenceState => ({ status: 'unscheduled' });

/** The day recommendations of this conference can be adopted from: when it was held, else its planned day. */
export const conferenceDateOf = (state: ConferenceState): CalendarDate | undefined =>
  state.status === 'unscheduled' ? undefined : (state.heldOn ?? state.date);
