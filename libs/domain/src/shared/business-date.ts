import type { CalendarDate } from './calendar-date';
import type { DomainEvent } from './domain-event';

/** The one business date of an event: the date `asOf` filters on. */
export function businessDateOf(event: DomainEvent): CalendarDate {
  switch (event.type) {
    case 'RegionRegistered':
      return event.data.contractSignedOn;
    case 'ConferenceScheduled':
    case 'ConferenceRescheduled':
      return event.data.effectiveOn;
    case 'ConferenceHeld':
      return event.data.heldOn;
    case 'CommitteeRegistered':
    case 'CommitteeRenamed':
      return event.data.effectiveOn;
    case 'CommitteeDissolved':
      return event.data.dissolvedOn;
    case 'RecommendationAdopted':
      return event.data.adoptedOn;
    case 'RecommendationHandedOff':
    case 'ReportDueDateRevised':
      return event.data.decidedOn;
    case 'ImplementationVerified':
      return event.data.verifiedOn;
    case 'HandOffAccepted':
    case 'HandOffDeclined':
      return event.data.on;
    case 'ImplementationStatusReported':
      return event.data.reportedOn;
    case 'ImpactMeasured':
      return event.data.measuredOn;
    case 'SustainabilityReviewed':
      return event.data.reviewedOn;
    case 'RecommendationAmended':
    case 'HandOffWithdrawn':
    case 'ImpactIndicatorDefined':
    case 'OutcomeReportedToConference':
    case 'RecommendationWithdrawn':
    case 'RecommendationSuperseded':
    case 'EntryCorrected':
      return event.data.effectiveOn;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
