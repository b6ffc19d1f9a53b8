import type { Command } from '@nestjs/cqrs';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { RegisterCommitteeCommand } from '../../committees/register-committee/register-committee.handler';
import { HoldConferenceCommand } from '../../conferences/hold-conference/hold-conference.handler';
import { ScheduleConferenceCommand } from '../../conferences/schedule-conference/schedule-conference.handler';
import { AcceptHandOffCommand } from '../../recommendations/accept-hand-off/accept-hand-off.handler';
import { AdoptRecommendationCommand } from '../../recommendations/adopt/adopt.handler';
import { HandOffRecommendationCommand } from '../../recommendations/hand-off/hand-off.handler';
import { ReportImplementationStatusCommand } from '../../recommendations/report-status/report-status.handler';
import { WithdrawRecommendationCommand } from '../../recommendations/withdraw/withdraw.handler';
import type { ImportStep } from '../plan/import-step';

/** The CommandBus command of a step: the same handler an HTTP request of the same kind reaches. */
export function commandOfStep(step: ImportStep, request: CommandRequest): Command<CommandOutcome> {
  const command = step.command;
  switch (command.type) {
    case 'ScheduleConference': {
      const { conferenceId, regionId: _region, ...data } = command.data;
      return new ScheduleConferenceCommand(conferenceId, data, request);
    }
    case 'HoldConference': {
      const { conferenceId, ...data } = command.data;
      return new HoldConferenceCommand(conferenceId, data, request);
    }
    case 'RegisterCommittee': {
      const { committeeId, regionId: _region, ...data } = command.data;
      return new RegisterCommitteeCommand(committeeId, data, request);
    }
    case 'AdoptRecommendation': {
      const { recommendationId, regionId: _region, ...data } = command.data;
      return new AdoptRecommendationCommand(recommendationId, data, request);
    }
    case 'HandOffRecommendation': {
      const { recommendationId, ...data } = command.data;
      return new HandOffRecommendationCommand(recommendationId, data, request);
    }
    case 'AcceptHandOff': {
      const { recommendationId, ...data } = command.data;
      return new AcceptHandOffCommand(recommendationId, data, request);
    }
    case 'ReportImplementationStatus': {
      const { recommendationId, ...data } = command.data;
      return new ReportImplementationStatusCommand(recommendationId, data, request);
    }
    case 'WithdrawRecommendation': {
      const { recommendationId, ...data } = command.data;
      return new WithdrawRecommendationCommand(recommendationId, data, request);
    }
    default:
      // The planner issues only the commands above.
      throw new Error(`Import: kein Befehl für ${command.type}`);
  }
}
