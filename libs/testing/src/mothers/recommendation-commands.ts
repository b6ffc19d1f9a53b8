import type {
  ReviseReportDueDate,
  VerifyImplementation,
  AcceptHandOff,
  AdoptRecommendation,
  AmendRecommendation,
  CorrectEntry,
  DeclineHandOff,
  DefineImpactIndicator,
  HandOffRecommendation,
  RecordImpactMeasurement,
  ReportImplementationStatus,
  ReportOutcomeToConference,
  ReviewSustainability,
  SupersedeRecommendation,
  WithdrawHandOff,
  WithdrawRecommendation,
} from '@app/domain';
import { aCommitteeMember, anOffice, aSteeringMember, DAY, ID, metaOf, type CommandOptions } from './fixtures';
import {
  aReportDueDateRevised,
  anImplementationVerified,
  aHandOffAccepted,
  aHandOffDeclined,
  aHandOffWithdrawn,
  anImpactIndicatorDefined,
  anImpactMeasured,
  anImplementationStatusReported,
  anOutcomeReportedToConference,
  aRecommendationAmended,
  aRecommendationHandedOff,
  aRecommendationSuperseded,
  aRecommendationWithdrawn,
  aSustainabilityReviewed,
  adoptedDefaults,
} from './recommendation-events';

/**
 * Every command mother's defaults produce exactly the matching event mother's defaults, so a test
 * reads `when(aHandOffCommand()).then([aRecommendationHandedOff()])`.
 */
const withoutRegion = <D extends { regionId: string }>({ regionId: _, ...rest }: D): Omit<D, 'regionId'> => rest;
type Opts<Context = never> = CommandOptions & { context?: Context };

export const anAdoptCommand = (
  data: Partial<AdoptRecommendation['data']> = {},
  options: Opts<AdoptRecommendation['context']> = {},
): AdoptRecommendation => ({
  type: 'AdoptRecommendation',
  data: { ...adoptedDefaults, ...data },
  context: options.context ?? { conference: { regionId: ID.region, date: DAY.conference }, committees: committeesOfRegion },
  meta: metaOf(anOffice(), options),
});

/** Both fixture committees, registered in the fixture region. */
export const committeesOfRegion = {
  [ID.committee]: { regionId: ID.region, dissolved: false },
  [ID.otherCommittee]: { regionId: ID.region, dissolved: false },
};

export const anAmendCommand = (data: Partial<AmendRecommendation['data']> = {}, options: Opts = {}): AmendRecommendation => ({
  type: 'AmendRecommendation',
  data: { ...withoutRegion(aRecommendationAmended().data), ...data },
  meta: metaOf(anOffice(), options),
});

export const aHandOffCommand = (
  data: Partial<HandOffRecommendation['data']> = {},
  options: Opts<HandOffRecommendation['context']> = {},
): HandOffRecommendation => ({
  type: 'HandOffRecommendation',
  data: { ...withoutRegion(aRecommendationHandedOff().data), ...data },
  context: options.context ?? { committee: { regionId: ID.region, dissolved: false } },
  meta: metaOf(aSteeringMember(), options),
});

export const anAcceptHandOffCommand = (data: Partial<AcceptHandOff['data']> = {}, options: Opts = {}): AcceptHandOff => ({
  type: 'AcceptHandOff',
  data: { ...withoutRegion(aHandOffAccepted().data), ...data },
  meta: metaOf(aCommitteeMember([data.committeeId ?? ID.committee]), options),
});

export const aDeclineHandOffCommand = (data: Partial<DeclineHandOff['data']> = {}, options: Opts = {}): DeclineHandOff => ({
  type: 'DeclineHandOff',
  data: { ...withoutRegion(aHandOffDeclined().data), ...data },
  meta: metaOf(aCommitteeMember([data.committeeId ?? ID.committee]), options),
});

export const aWithdrawHandOffCommand = (data: Partial<WithdrawHandOff['data']> = {}, options: Opts = {}): WithdrawHandOff => ({
  type: 'WithdrawHandOff',
  data: { ...withoutRegion(aHandOffWithdrawn().data), ...data },
  meta: metaOf(aSteeringMember(), options),
});

export const aReportStatusCommand = (data: Partial<ReportImplementationStatus['data']> = {}, options: Opts = {}): ReportImplementationStatus => ({
  type: 'ReportImplementationStatus',
  data: { ...withoutRegion(anImplementationStatusReported().data), ...data },
  meta: metaOf(aCommitteeMember([data.committeeId ?? ID.committee]), options),
});

export const aDefineIndicatorCommand = (data: Partial<DefineImpactIndicator['data']> = {}, options: Opts = {}): DefineImpactIndicator => ({
  type: 'DefineImpactIndicator',
  data: { ...withoutRegion(anImpactIndicatorDefined().data), ...data },
  meta: metaOf(aCommitteeMember([data.committeeId ?? ID.committee]), options),
});

export const aRecordMeasurementCommand = (data: Partial<RecordImpactMeasurement['data']> = {}, options: Opts = {}): RecordImpactMeasurement => ({
  type: 'RecordImpactMeasurement',
  data: { ...withoutRegion(anImpactMeasured().data), ...data },
  meta: metaOf(aCommitteeMember([data.committeeId ?? ID.committee]), options),
});

export const aReviewCommand = (data: Partial<ReviewSustainability['data']> = {}, options: Opts = {}): ReviewSustainability => ({
  type: 'ReviewSustainability',
  data: { ...withoutRegion(aSustainabilityReviewed().data), ...data },
  meta: metaOf(aSteeringMember(), options),
});

export const aReportOutcomeCommand = (
  data: Partial<ReportOutcomeToConference['data']> = {},
  options: Opts<ReportOutcomeToConference['context']> = {},
): ReportOutcomeToConference => ({
  type: 'ReportOutcomeToConference',
  data: { ...withoutRegion(anOutcomeReportedToConference().data), ...data },
  context: options.context ?? { conference: { regionId: ID.region, date: DAY.laterConference } },
  meta: metaOf(anOffice(), options),
});

export const aWithdrawCommand = (data: Partial<WithdrawRecommendation['data']> = {}, options: Opts = {}): WithdrawRecommendation => ({
  type: 'WithdrawRecommendation',
  data: { ...withoutRegion(aRecommendationWithdrawn().data), ...data },
  meta: metaOf(aSteeringMember(), options),
});

export const aSupersedeCommand = (
  data: Partial<SupersedeRecommendation['data']> = {},
  options: Opts<SupersedeRecommendation['context']> = {},
): SupersedeRecommendation => ({
  type: 'SupersedeRecommendation',
  data: { ...withoutRegion(aRecommendationSuperseded().data), ...data },
  context: options.context ?? { successor: { regionId: ID.region, adoptedOn: DAY.adopted } },
  meta: metaOf(aSteeringMember(), options),
});

/** Defaults to correcting the status of the report recorded as 'evt-report'. */
export const aCorrectEntryCommand = (data: Partial<CorrectEntry['data']> = {}, options: Opts = {}): CorrectEntry => ({
  type: 'CorrectEntry',
  data: {
    recommendationId: ID.recommendation,
    correctsEventId: 'evt-report',
    correctedEventType: 'ImplementationStatusReported',
    correctedFields: { status: 'partially_implemented' },
    reason: 'Falscher Status übernommen',
    effectiveOn: DAY.measured,
    ...data,
  },
  meta: metaOf(anOffice(), options),
}) as CorrectEntry;

export const aReviseDueDateCommand = (data: Partial<ReviseReportDueDate['data']> = {}, options: Opts = {}): ReviseReportDueDate => ({
  type: 'ReviseReportDueDate',
  data: { ...withoutRegion(aReportDueDateRevised().data), ...data },
  meta: metaOf(aSteeringMember(), options),
});

export const aVerifyCommand = (
  data: Partial<VerifyImplementation['data']> = {},
  options: Opts<VerifyImplementation['context']> = {},
): VerifyImplementation => ({
  type: 'VerifyImplementation',
  data: { ...withoutRegion(anImplementationVerified().data), ...data },
  context: options.context ?? {},
  meta: metaOf(aSteeringMember(), options),
});
