import type { CalendarDate } from '../shared/calendar-date';
import type { CommitteeId, RegionId } from '../shared/ids';
import type { CommandMeta } from '../shared/metadata';
import type { CommitteeKind } from './events';

export type RegisterCommittee = {
  type: 'RegisterCommittee';
  data: {
    committeeId: CommitteeId;
    regionId: RegionId;
    name: string;
    shortName: string;
    kind: CommitteeKind;
    fieldsOfAction: string[];
    effectiveOn?: CalendarDate;
  };
  meta: CommandMeta;
};

export type RenameCommittee = {
  type: 'RenameCommittee';
  data: { committeeId: CommitteeId; name: string; shortName: string; effectiveOn?: CalendarDate };
  meta: CommandMeta;
};

/**
 * `successor` is context the handler resolves from the successor's stream (absent: not found),
 * so the rule "the successor exists in this region and is not dissolved" stays pure.
 */
export type DissolveCommittee = {
  type: 'DissolveCommittee';
  data: { committeeId: CommitteeId; dissolvedOn: CalendarDate; successorCommitteeId?: CommitteeId };
  context?: { successor?: { regionId: RegionId; dissolved: boolean } };
  meta: CommandMeta;
};

export type CommitteeCommand = RegisterCommittee | RenameCommittee | DissolveCommittee;
export type CommitteeCommandType = CommitteeCommand['type'];
