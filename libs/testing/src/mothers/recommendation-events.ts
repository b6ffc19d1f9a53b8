import type {
  ReportDueDateRevised,
  ImplementationVerified,
  EntryCorrected,
  EntryCorrectedData,
  HandOffAccepted,
  HandOffDeclined,
  HandOffWithdrawn,
  ImpactIndicatorDefined,
  ImpactMeasured,
  ImplementationStatusReported,
  OutcomeReportedToConference,
  RecommendationAdopted,
  RecommendationAmended,
  RecommendationHandedOff,
  RecommendationSuperseded,
  RecommendationWithdrawn,
  SustainabilityReviewed,
} from '@app/domain';
import { DAY, ID } from './fixtures';

const ids = { recommendationId: ID.recommendation, regionId: ID.region };

export const adoptedDefaults = {
  ...ids,
  conferenceId: ID.conference,
  reference: '9. BK / 3',
  title: 'Übergänge von der Schule in den Beruf verbindlich begleiten',
  text: 'Die Bildungskonferenz empfiehlt, allen Schülerinnen und Schülern ab Klasse 8 eine feste Ansprechperson für den Übergang zu geben.',
  fieldsOfAction: ['Übergang Schule/Beruf'],
  addressees: { committeeIds: [ID.committee], decisionMakers: ['Rat der Stadt'] },
  originCommitteeIds: [ID.committee],
  adoptedOn: DAY.adopted,
};

export const aRecommendationAdopted = (data: Partial<RecommendationAdopted['data']> = {}): RecommendationAdopted => ({
  type: 'RecommendationAdopted',
  data: { ...adoptedDefaults, ...data },
});

export const aRecommendationAmended = (data: Partial<RecommendationAmended['data']> = {}): RecommendationAmended => ({
  type: 'RecommendationAmended',
  data: { ...ids, title: 'Übergänge Schule–Beruf verbindlich begleiten', reason: 'Redaktionelle Kürzung', effectiveOn: DAY.handOffDecided, ...data },
});

export const aRecommendationHandedOff = (data: Partial<RecommendationHandedOff['data']> = {}): RecommendationHandedOff => ({
  type: 'RecommendationHandedOff',
  data: {
    ...ids,
    committeeId: ID.committee,
    mandate: 'Konzept für Übergangsbegleitung erarbeiten und Umsetzung an zwei Schulen erproben',
    reportDueOn: DAY.reportDue,
    decidedOn: DAY.handOffDecided,
    decisionReference: 'LK 2026/04 TOP 3',
    ...data,
  },
});

export const aHandOffAccepted = (data: Partial<HandOffAccepted['data']> = {}): HandOffAccepted => ({
  type: 'HandOffAccepted',
  data: { ...ids, committeeId: ID.committee, on: DAY.accepted, ...data },
});

export const aHandOffDeclined = (data: Partial<HandOffDeclined['data']> = {}): HandOffDeclined => ({
  type: 'HandOffDeclined',
  data: { ...ids, committeeId: ID.committee, on: DAY.accepted, reason: 'Keine Zuständigkeit', ...data },
});

export const aHandOffWithdrawn = (data: Partial<HandOffWithdrawn['data']> = {}): HandOffWithdrawn => ({
  type: 'HandOffWithdrawn',
  data: { ...ids, committeeId: ID.committee, reason: 'Neuordnung der Zuständigkeiten', effectiveOn: DAY.withdrawn, ...data },
});

export const anImplementationStatusReported = (data: Partial<ImplementationStatusReported['data']> = {}): ImplementationStatusReported => ({
  type: 'ImplementationStatusReported',
  data: {
    ...ids,
    committeeId: ID.committee,
    status: 'in_progress',
    progressPercent: 40,
    summary: 'Konzept liegt vor, Erprobung an zwei Schulen begonnen.',
    evidence: [{ title: 'Konzeptpapier', url: 'https://example.org/konzept.pdf' }],
    reportedOn: DAY.reported,
    nextReportDueOn: DAY.reportDue,
    ...data,
  },
});

export const anImpactIndicatorDefined = (data: Partial<ImpactIndicatorDefined['data']> = {}): ImpactIndicatorDefined => ({
  type: 'ImpactIndicatorDefined',
  data: {
    ...ids,
    committeeId: ID.committee,
    indicatorId: ID.indicator,
    name: 'Übergangsquote in duale Ausbildung',
    unit: '%',
    direction: 'increase',
    baseline: { value: 38, on: DAY.baseline },
    target: { value: 45, dueOn: DAY.targetDue },
    source: 'IT.NRW Schulstatistik',
    effectiveOn: DAY.indicatorDefined,
    ...data,
  },
});

export const anImpactMeasured = (data: Partial<ImpactMeasured['data']> = {}): ImpactMeasured => ({
  type: 'ImpactMeasured',
  data: { ...ids, committeeId: ID.committee, indicatorId: ID.indicator, value: 40, measuredOn: DAY.measured, source: 'IT.NRW Schulstatistik', ...data },
});

export const aSustainabilityReviewed = (data: Partial<SustainabilityReviewed['data']> = {}): SustainabilityReviewed => ({
  type: 'SustainabilityReviewed',
  data: { ...ids, reviewedOn: DAY.reviewed, outcome: 'sustained', anchoring: ['budget', 'regular_structure'], note: 'Im Haushalt verstetigt.', ...data },
});

export const anOutcomeReportedToConference = (data: Partial<OutcomeReportedToConference['data']> = {}): OutcomeReportedToConference => ({
  type: 'OutcomeReportedToConference',
  data: { ...ids, conferenceId: ID.laterConference, summary: 'Übergangsbegleitung an allen Schulen eingeführt.', effectiveOn: DAY.laterConference, ...data },
});

export const aRecommendationWithdrawn = (data: Partial<RecommendationWithdrawn['data']> = {}): RecommendationWithdrawn => ({
  type: 'RecommendationWithdrawn',
  data: { ...ids, reason: 'Durch Landesprogramm erledigt', effectiveOn: DAY.withdrawn, ...data },
});

export const aRecommendationSuperseded = (data: Partial<RecommendationSuperseded['data']> = {}): RecommendationSuperseded => ({
  type: 'RecommendationSuperseded',
  data: { ...ids, successorId: ID.successorRecommendation, reason: 'Neu gefasst in der 10. BK', effectiveOn: DAY.withdrawn, ...data },
});

/** Defaults to correcting a status report's status; pass the whole variant to correct something else. */
export const anEntryCorrected = (data: Partial<EntryCorrectedData> = {}): EntryCorrected => ({
  type: 'EntryCorrected',
  data: {
    ...ids,
    correctsEventId: 'evt-report',
    correctedEventType: 'ImplementationStatusReported',
    correctedFields: { status: 'partially_implemented' },
    reason: 'Falscher Status übernommen',
    effectiveOn: DAY.measured,
    ...data,
  } as EntryCorrectedData,
});

/** An event with the id the store gave it, for corrections to name. */
export const recorded = <E>(eventId: string, event: E): { eventId: string; event: E } => ({ eventId, event });

export const aReportDueDateRevised = (data: Partial<ReportDueDateRevised['data']> = {}): ReportDueDateRevised => ({
  type: 'ReportDueDateRevised',
  data: { ...ids, committeeId: ID.committee, newDueOn: '2026-12-31', reason: 'Die Schulstatistik erscheint erst im Dezember.', decidedOn: '2026-09-01', ...data },
});

export const anImplementationVerified = (data: Partial<ImplementationVerified['data']> = {}): ImplementationVerified => ({
  type: 'ImplementationVerified',
  data: { ...ids, committeeId: ID.committee, outcome: 'confirmed', verifiedOn: '2026-07-01', evidenceChecked: ['Konzeptpapier'], ...data },
});
