import { checkBusinessDate, checkCalendarDate, firstProblem, todayOf } from '../shared/business-rules';
import type { Decision } from '../shared/domain-error';
import type { ConferenceCommand } from './commands';
import { conferenceError } from './errors';
import type { ConferenceEvent } from './events';
import type { ConferenceState } from './state';

export function decideConference(command: ConferenceCommand, state: ConferenceState): Decision<ConferenceEvent> {
  const today = todayOf(command.meta);
  switch (command.type) {
    case 'ScheduleConference': {
      const { effectiveOn = today, ...data } = command.data;
      if (state.status !== 'unscheduled') return conferenceError('conference.already-scheduled', { conferenceId: data.conferenceId });
      const problem = firstProblem(
        () => (Number.isInteger(data.number) && data.number > 0 ? undefined : conferenceError('conference.number-invalid', { number: data.number })),
        () => checkCalendarDate('date', data.date),
        () => checkBusinessDate('effectiveOn', effectiveOn, today),
      );
      if (problem) return problem;
      return [{ type: 'ConferenceScheduled', data: { ...data, effectiveOn } }];
    }
    case 'HoldConference': {
      const { conferenceId, heldOn } = command.data;
      if (state.status === 'unscheduled') return conferenceError('conference.not-scheduled', { conferenceId });
      if (state.status === 'held') return conferenceError('conference.already-held', { conferenceId, heldOn: state.heldOn });
      const problem = checkBusinessDate('heldOn', heldOn, today);
      if (problem) return problem;
      return [{ type: 'ConferenceHeld', data: { conferenceId, regionId: state.regionId, heldOn } }];
    }
    case 'RescheduleConference': {
      const { conferenceId, date, reason, effectiveOn = today } = command.data;
      if (state.status === 'unscheduled') return conferenceError('conference.not-scheduled', { conferenceId });
      if (state.status === 'held') return conferenceError('conference.already-held', { conferenceId, heldOn: state.heldOn });
      const problem = firstProblem(
        () => checkCalendarDate('date', date),
        () => (date === state.date ? conferenceError('conference.date-unchanged', { date }) : undefined),
        () => checkBusinessDate('effectiveOn', effectiveOn, today),
      );
      if (problem) return problem;
      return [{ type: 'ConferenceRescheduled', data: { conferenceId, regionId: state.regionId, date, reason, effectiveOn } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
