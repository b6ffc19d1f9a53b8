import type { ConferenceHeld, ConferenceRescheduled, ConferenceScheduled, HoldConference, RescheduleConference, ScheduleConference } from '@app/domain';
import { anOffice, DAY, ID, metaOf, type CommandOptions } from './fixtures';

const scheduled = {
  conferenceId: ID.conference,
  regionId: ID.region,
  number: 9,
  kind: 'bildungskonferenz' as const,
  title: '9. Bildungskonferenz',
  motto: 'Übergänge gestalten',
  date: DAY.conference,
  topics: ['Übergang Schule/Beruf', 'Inklusion'],
};

export const aConferenceScheduled = (data: Partial<ConferenceScheduled['data']> = {}): ConferenceScheduled => ({
  type: 'ConferenceScheduled',
  data: { ...scheduled, effectiveOn: '2025-11-01', ...data },
});
export const aConferenceHeld = (data: Partial<ConferenceHeld['data']> = {}): ConferenceHeld => ({
  type: 'ConferenceHeld',
  data: { conferenceId: ID.conference, regionId: ID.region, heldOn: DAY.conference, ...data },
});
export const aConferenceRescheduled = (data: Partial<ConferenceRescheduled['data']> = {}): ConferenceRescheduled => ({
  type: 'ConferenceRescheduled',
  data: { conferenceId: ID.conference, regionId: ID.region, date: '2026-03-21', reason: 'Raum nicht verfügbar', effectiveOn: '2026-01-10', ...data },
});

export const aScheduleConferenceCommand = (data: Partial<ScheduleConference['data']> = {}, options: CommandOptions = {}): ScheduleConference => ({
  type: 'ScheduleConference',
  data: { ...scheduled, effectiveOn: '2025-11-01', ...data },
  meta: metaOf(anOffice(), options),
});
export const aHoldConferenceCommand = (data: Partial<HoldConference['data']> = {}, options: CommandOptions = {}): HoldConference => ({
  type: 'HoldConference',
  data: { conferenceId: ID.conference, heldOn: DAY.conference, ...data },
  meta: metaOf(anOffice(), options),
});
export const aRescheduleConferenceCommand = (data: Partial<RescheduleConference['data']> = {}, options: CommandOptions = {}): RescheduleConference => ({
  type: 'RescheduleConference',
  data: { conferenceId: ID.conference, date: '2026-03-21', reason: 'Raum nicht verfügbar', effectiveOn: '2026-01-10', ...data },
  meta: metaOf(anOffice(), options),
});
