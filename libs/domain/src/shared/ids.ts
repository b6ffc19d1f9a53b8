/**
 * Ids are uuids chosen by the caller (the Nest layer), never generated inside the domain.
 * Plain aliases rather than brands: the names document intent without making test data awkward.
 */
export type RegionId = string;
export type ConferenceId = string;
export type CommitteeId = string;
export type RecommendationId = string;
export type IndicatorId = string;
export type EventId = string;
export type UserId = string;

export const streamIdOf = {
  region: (id: RegionId): string => `region-${id}`,
  conference: (id: ConferenceId): string => `conference-${id}`,
  committee: (id: CommitteeId): string => `committee-${id}`,
  recommendation: (id: RecommendationId): string => `recommendation-${id}`,
} as const;
