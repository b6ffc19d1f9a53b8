import {
  aCommitteeDissolved,
  aCommitteeRegistered,
  aCommitteeRenamed,
  aConferenceHeld,
  aConferenceRescheduled,
  aConferenceScheduled,
  aHandOffAccepted,
  aHandOffDeclined,
  aHandOffWithdrawn,
  anEntryCorrected,
  anImpactIndicatorDefined,
  anImpactMeasured,
  anImplementationStatusReported,
  anOutcomeReportedToConference,
  aRecommendationAdopted,
  aRecommendationAmended,
  aRecommendationHandedOff,
  aRecommendationSuperseded,
  aRecommendationWithdrawn,
  aRegionRegistered,
  aSustainabilityReviewed,
  aReportDueDateRevised,
  anImplementationVerified,
} from '@app/testing';
import { COMMITTEE_EVENT_TYPES } from '../committee/events';
import { CONFERENCE_EVENT_TYPES } from '../conference/events';
import { RECOMMENDATION_EVENT_TYPES } from '../recommendation/events';
import { REGION_EVENT_TYPES } from '../region/events';
import { businessDateOf } from './business-date';
import type { DomainEvent } from './domain-event';

const D = '2020-01-02';
/** One event of every type, with its business date field set to D and every other date elsewhere. */
const cases: Array<[string, DomainEvent]> = [
  ['contractSignedOn', aRegionRegistered({ contractSignedOn: D })],
  ['effectiveOn', aConferenceScheduled({ effectiveOn: D })],
  ['heldOn', aConferenceHeld({ heldOn: D })],
  ['effectiveOn', aConferenceRescheduled({ effectiveOn: D })],
  ['effectiveOn', aCommitteeRegistered({ effectiveOn: D })],
  ['effectiveOn', aCommitteeRenamed({ effectiveOn: D })],
  ['dissolvedOn', aCommitteeDissolved({ dissolvedOn: D })],
  ['adoptedOn', aRecommendationAdopted({ adoptedOn: D })],
  ['effectiveOn', aRecommendationAmended({ effectiveOn: D })],
  ['decidedOn', aRecommendationHandedOff({ decidedOn: D })],
  ['on', aHandOffAccepted({ on: D })],
  ['on', aHandOffDeclined({ on: D })],
  ['effectiveOn', aHandOffWithdrawn({ effectiveOn: D })],
  ['reportedOn', anImplementationStatusReported({ reportedOn: D })],
  ['effectiveOn', anImpactIndicatorDefined({ effectiveOn: D })],
  ['measuredOn', anImpactMeasured({ measuredOn: D })],
  ['reviewedOn', aSustainabilityReviewed({ reviewedOn: D })],
  ['effectiveOn', anOutcomeReportedToConference({ effectiveOn: D })],
  ['effectiveOn', aRecommendationWithdrawn({ effectiveOn: D })],
  ['effectiveOn', aRecommendationSuperseded({ effectiveOn: D })],
  ['effectiveOn', anEntryCorrected({ effectiveOn: D })],
  ['decidedOn', aReportDueDateRevised({ decidedOn: D })],
  ['verifiedOn', anImplementationVerified({ verifiedOn: D })],
];

describe('businessDateOf', () => {
  it.each(cases.map(([field, event]) => [event.type, field, event] as const))('%s: %s', (_type, _field, event) =>
    expect(businessDateOf(event)).toBe(D));

  it('covers every event type', () =>
    expect(cases.map(([, e]) => e.type).sort()).toEqual(
      [...REGION_EVENT_TYPES, ...CONFERENCE_EVENT_TYPES, ...COMMITTEE_EVENT_TYPES, ...RECOMMENDATION_EVENT_TYPES].sort(),
    ));

  it('is not the planned conference date, which may lie in the future', () =>
    expect(businessDateOf(aConferenceScheduled({ date: '2030-01-01', effectiveOn: D }))).toBe(D));
});
