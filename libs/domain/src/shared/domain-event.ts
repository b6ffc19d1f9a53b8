import type { CommitteeEvent } from '../committee/events';
import type { ConferenceEvent } from '../conference/events';
import type { RecommendationEvent } from '../recommendation/events';
import type { RegionEvent } from '../region/events';
import type { EventId } from './ids';
import type { EventMetadata } from './metadata';

/** Any event of the four aggregates. */
export type DomainEvent = RegionEvent | ConferenceEvent | CommitteeEvent | RecommendationEvent;
export type DomainEventType = DomainEvent['type'];
export type EventOfType<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** An event as read back from the store: its id (needed to correct it) and metadata beside it. */
export interface StoredDomainEvent<E extends DomainEvent = DomainEvent> {
  eventId: EventId;
  event: E;
  metadata?: EventMetadata;
}
