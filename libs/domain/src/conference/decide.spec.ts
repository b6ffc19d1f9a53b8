import {
  aConferenceHeld,
  aConferenceRescheduled,
  aConferenceScheduled,
  aHoldConferenceCommand,
  aRescheduleConferenceCommand,
  aScheduleConferenceCommand,
  DeciderSpecification,
  ID,
  NOW,
  TODAY,
  TOMORROW,
} from '@app/testing';
import { conferenceDecider } from './decider';
import { conferenceDateOf } from './state';

const spec = DeciderSpecification.for(conferenceDecider);

describe('Conference decider', () => {
  describe('when not scheduled', () => {
    it('schedules a conference, also for a future date', () =>
      spec.given([]).when(aScheduleConferenceCommand({ date: '2027-03-13' })).then([aConferenceScheduled({ date: '2027-03-13' })]));
    it('records today as effectiveOn when none is given', () =>
      spec.given([]).when(aScheduleConferenceCommand({ effectiveOn: undefined })).then([aConferenceScheduled({ effectiveOn: TODAY })]));
    it('schedules a Tag der Bildung', () =>
      spec
        .given([])
        .when(aScheduleConferenceCommand({ kind: 'tag_der_bildung', number: 1, title: '1. Tag der Bildung' }))
        .then([aConferenceScheduled({ kind: 'tag_der_bildung', number: 1, title: '1. Tag der Bildung' })]));
    it.each([0, -1, 2.5])('refuses the number %p', (number) =>
      spec.given([]).when(aScheduleConferenceCommand({ number })).thenFails('conference.number-invalid'));
    it('refuses an effectiveOn in the future', () =>
      spec.given([]).when(aScheduleConferenceCommand({ effectiveOn: TOMORROW })).thenFails('date.in-future', { field: 'effectiveOn' }));
    it('refuses a planned date that is no calendar day', () =>
      spec.given([]).when(aScheduleConferenceCommand({ date: '2027-13-01' })).thenFails('date.invalid', { field: 'date' }));
    it('refuses to hold it', () => spec.given([]).when(aHoldConferenceCommand()).thenFails('conference.not-scheduled'));
    it('refuses to reschedule it', () => spec.given([]).when(aRescheduleConferenceCommand()).thenFails('conference.not-scheduled'));
  });

  describe('when scheduled', () => {
    const given = spec.given([aConferenceScheduled()]);
    it('refuses to schedule it again', () => given.when(aScheduleConferenceCommand()).thenFails('conference.already-scheduled', { conferenceId: ID.conference }));
    it('records that it was held', () => given.when(aHoldConferenceCommand()).then([aConferenceHeld()]));
    it('refuses a heldOn in the future', () =>
      given.when(aHoldConferenceCommand({ heldOn: TOMORROW })).thenFails('date.in-future', { field: 'heldOn', value: TOMORROW }));
    it('reschedules it', () => given.when(aRescheduleConferenceCommand()).then([aConferenceRescheduled()]));
    it('refuses to reschedule to the same date', () =>
      given.when(aRescheduleConferenceCommand({ date: '2026-03-14' })).thenFails('conference.date-unchanged'));
    it('moves its date on reschedule', () =>
      expect(conferenceDateOf(spec.given([aConferenceScheduled(), aConferenceRescheduled({ date: '2026-03-21' })]).state())).toBe('2026-03-21'));
  });

  describe('when held', () => {
    const given = spec.given([aConferenceScheduled(), aConferenceHeld({ heldOn: '2026-03-15' })]);
    it('refuses to hold it again', () => given.when(aHoldConferenceCommand()).thenFails('conference.already-held'));
    it('refuses to reschedule it', () => given.when(aRescheduleConferenceCommand()).thenFails('conference.already-held'));
    it('takes the day it was held as its date', () => expect(conferenceDateOf(given.state())).toBe('2026-03-15'));
  });

  it('uses the Berlin day of now: 23:30 UTC on 23 Nov is already 24 Nov in Berlin', () =>
    spec
      .given([aConferenceScheduled({ date: TOMORROW })])
      .when(aHoldConferenceCommand({ heldOn: TOMORROW }, { now: new Date('2026-11-23T23:30:00Z') }))
      .then([aConferenceHeld({ heldOn: TOMORROW })]));
  it('the same heldOn is refused one hour earlier in Berlin', () =>
    spec
      .given([aConferenceScheduled({ date: TOMORROW })])
      .when(aHoldConferenceCommand({ heldOn: TOMORROW }, { now: new Date(NOW.getTime()) }))
      .thenFails('date.in-future'));
});
