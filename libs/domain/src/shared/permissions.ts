import type { CommitteeCommandType } from '../committee/commands';
import type { ConferenceCommandType } from '../conference/commands';
import type { RecommendationCommandType } from '../recommendation/commands';
import type { RegionCommandType } from '../region/commands';
import type { CommitteeId } from './ids';
import type { Actor, Role } from './metadata';

export type DomainCommandType = RegionCommandType | ConferenceCommandType | CommitteeCommandType | RecommendationCommandType;

/**
 * Who may issue which command (domain.md, "People"). The auditor appears nowhere: it never writes.
 * The office may act for a committee (recorded with `onBehalfOf`); whether the act concerns the
 * right committee and hand-off is decide's business (rule 3).
 */
export const COMMAND_ROLES = {
  RegisterRegion: ['office'],
  ScheduleConference: ['office'],
  HoldConference: ['office'],
  RescheduleConference: ['office'],
  RegisterCommittee: ['office'],
  RenameCommittee: ['office'],
  DissolveCommittee: ['office'],
  AdoptRecommendation: ['office'],
  AmendRecommendation: ['office'],
  CorrectEntry: ['office'],
  ReportOutcomeToConference: ['office'],
  HandOffRecommendation: ['steering'],
  WithdrawHandOff: ['steering'],
  WithdrawRecommendation: ['steering'],
  SupersedeRecommendation: ['steering'],
  ReviewSustainability: ['steering'],
  ReviseReportDueDate: ['steering', 'office'],
  VerifyImplementation: ['steering', 'office'],
  AcceptHandOff: ['committee', 'office'],
  DeclineHandOff: ['committee', 'office'],
  ReportImplementationStatus: ['committee', 'office'],
  DefineImpactIndicator: ['committee', 'office'],
  RecordImpactMeasurement: ['committee', 'office'],
} as const satisfies Record<DomainCommandType, readonly Role[]>;

/**
 * May `actor` issue this command at all? A committee member only for its own committees.
 * Region scope (the actor's account names the region) is checked where the request arrives.
 */
export function mayIssue(actor: Actor, command: { type: DomainCommandType; data: object }): boolean {
  const roles: readonly Role[] = COMMAND_ROLES[command.type];
  if (!roles.includes(actor.role)) return false;
  if (actor.role !== 'committee') return true;
  const committeeId = (command.data as { committeeId?: CommitteeId }).committeeId;
  return committeeId !== undefined && actor.committeeIds.includes(committeeId);
}
