import {
  aCommitteeMember,
  aCorrectEntryCommand,
  aHandOffCommand,
  anAcceptHandOffCommand,
  anAdoptCommand,
  anAuditor,
  anOffice,
  aRegisterCommitteeCommand,
  aReportStatusCommand,
  aReviewCommand,
  aScheduleConferenceCommand,
  aSteeringMember,
  aWithdrawCommand,
  ID,
} from '@app/testing';
import type { Actor } from './metadata';
import { COMMAND_ROLES, mayIssue } from './permissions';

const office = anOffice();
const steering = aSteeringMember();
const member = aCommitteeMember([ID.committee]);
const auditor = anAuditor();

describe('mayIssue', () => {
  it.each<[string, Actor, { type: keyof typeof COMMAND_ROLES; data: object }, boolean]>([
    ['office schedules a conference', office, aScheduleConferenceCommand(), true],
    ['office registers a committee', office, aRegisterCommitteeCommand(), true],
    ['office records an adoption', office, anAdoptCommand(), true],
    ['office corrects an entry', office, aCorrectEntryCommand(), true],
    ['office accepts on a committee’s behalf', office, anAcceptHandOffCommand(), true],
    ['office reports on a committee’s behalf', office, aReportStatusCommand(), true],
    ['office does not hand off', office, aHandOffCommand(), false],
    ['steering hands off', steering, aHandOffCommand(), true],
    ['steering withdraws a recommendation', steering, aWithdrawCommand(), true],
    ['steering reviews sustainability', steering, aReviewCommand(), true],
    ['steering does not accept for a committee', steering, anAcceptHandOffCommand(), false],
    ['steering does not adopt', steering, anAdoptCommand(), false],
    ['a member accepts for its committee', member, anAcceptHandOffCommand(), true],
    ['a member reports for its committee', member, aReportStatusCommand(), true],
    ['a member does not act for another committee', member, aReportStatusCommand({ committeeId: ID.otherCommittee }), false],
    ['a member does not hand off', member, aHandOffCommand(), false],
    ['a member does not correct entries', member, aCorrectEntryCommand(), false],
  ])('%s', (_case, actor, command, allowed) => expect(mayIssue(actor, command)).toBe(allowed));

  it.each(Object.keys(COMMAND_ROLES))('the auditor never writes: %s', (type) =>
    expect(mayIssue(auditor, { type: type as keyof typeof COMMAND_ROLES, data: { committeeId: ID.committee } })).toBe(false));
});
