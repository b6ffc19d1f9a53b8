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
import { BUSINESS_DATE_FIELD, businessDateOf } from './business-date';
import type { DomainEvent } from './domain-event';

const D = '2020-01-02';
/** Examples: an event of each type known when the table was declared, its business date field set to D and every other date elsewhere. */
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

  // A new event type declares its field beside its events (the compiler asks); this holds the declarations to dates.
  it('declares a date field for every event type', () => {
    expect(Object.keys(BUSINESS_DATE_FIELD).sort()).toEqual(
      [...REGION_EVENT_TYPES, ...CONFERENCE_EVENT_TYPES, ...COMMITTEE_EVENT_TYPES, ...RECOMMENDATION_EVENT_TYPES].sort(),
    );
    for (const field of Object.values(BUSINESS_DATE_FIELD)) expect(field).toMatch(/^on$|On$/);
  });

  it('is not the planned conference date, which may lie in the future', () =>
    expect(businessDateOf(aConferenceScheduled({ date: '2030-01-01', effectiveOn: D }))).toBe(D));
});
