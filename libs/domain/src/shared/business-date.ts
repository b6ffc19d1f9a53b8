import { COMMITTEE_BUSINESS_DATE } from '../committee/events';
import { CONFERENCE_BUSINESS_DATE } from '../conference/events';
import { RECOMMENDATION_BUSINESS_DATE } from '../recommendation/events';
import { REGION_BUSINESS_DATE } from '../region/events';
import type { CalendarDate } from './calendar-date';
import type { DomainEvent } from './domain-event';

/** Each event type's business date field, as its aggregate declares it beside its events. */
export const BUSINESS_DATE_FIELD: Readonly<Record<DomainEvent['type'], string>> = {
  ...REGION_BUSINESS_DATE,
  ...CONFERENCE_BUSINESS_DATE,
  ...COMMITTEE_BUSINESS_DATE,
  ...RECOMMENDATION_BUSINESS_DATE,
};

/** The one business date of an event: the date `asOf` filters on. */
export function businessDateOf(event: DomainEvent): CalendarDate {
  return (event.data as Record<string, CalendarDate>)[BUSINESS_DATE_FIELD[event.type]]!;
}
