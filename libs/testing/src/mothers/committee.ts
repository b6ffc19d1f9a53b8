import type { CommitteeDissolved, CommitteeRegistered, CommitteeRenamed, DissolveCommittee, RegisterCommittee, RenameCommittee } from '@app/domain';
import { anOffice, ID, metaOf, type CommandOptions } from './fixtures';

const registered = {
  committeeId: ID.committee,
  regionId: ID.region,
  name: 'Fachgremium Übergang Schule/Beruf',
  shortName: 'FG ÜSB',
  kind: 'fachgremium' as const,
  fieldsOfAction: ['Übergang Schule/Beruf'],
};

export const aCommitteeRegistered = (data: Partial<CommitteeRegistered['data']> = {}): CommitteeRegistered => ({
  type: 'CommitteeRegistered',
  data: { ...registered, effectiveOn: '2024-01-15', ...data },
});
export const aCommitteeRenamed = (data: Partial<CommitteeRenamed['data']> = {}): CommitteeRenamed => ({
  type: 'CommitteeRenamed',
  data: { committeeId: ID.committee, regionId: ID.region, name: 'Fachgremium Übergang Schule–Beruf–Studium', shortName: 'FG ÜSBS', effectiveOn: '2026-02-01', ...data },
});
export const aCommitteeDissolved = (data: Partial<CommitteeDissolved['data']> = {}): CommitteeDissolved => ({
  type: 'CommitteeDissolved',
  data: { committeeId: ID.committee, regionId: ID.region, dissolvedOn: '2026-06-30', ...data },
});

export const aRegisterCommitteeCommand = (data: Partial<RegisterCommittee['data']> = {}, options: CommandOptions = {}): RegisterCommittee => ({
  type: 'RegisterCommittee',
  data: { ...registered, effectiveOn: '2024-01-15', ...data },
  meta: metaOf(anOffice(), options),
});
export const aRenameCommitteeCommand = (data: Partial<RenameCommittee['data']> = {}, options: CommandOptions = {}): RenameCommittee => ({
  type: 'RenameCommittee',
  data: { committeeId: ID.committee, name: 'Fachgremium Übergang Schule–Beruf–Studium', shortName: 'FG ÜSBS', effectiveOn: '2026-02-01', ...data },
  meta: metaOf(anOffice(), options),
});
export const aDissolveCommitteeCommand = (
  data: Partial<DissolveCommittee['data']> = {},
  options: CommandOptions & { context?: DissolveCommittee['context'] } = {},
): DissolveCommittee => ({
  type: 'DissolveCommittee',
  data: { committeeId: ID.committee, dissolvedOn: '2026-06-30', ...data },
  ...(options.context === undefined ? {} : { context: options.context }),
  meta: metaOf(anOffice(), options),
});
