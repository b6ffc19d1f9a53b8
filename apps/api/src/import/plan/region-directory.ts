import type { CalendarDate, CommitteeId, ConferenceId, ConferenceKind, RecommendationId } from '@app/domain';

/** What a region already holds that an import's names are matched against. */
export interface RegionDirectory {
  regionId: string;
  conferences: { id: ConferenceId; number: number; kind: ConferenceKind; label: string; title: string; date: CalendarDate }[];
  committees: { id: CommitteeId; name: string; shortName: string; dissolved: boolean }[];
  /** Recommendations by `conferenceId|reference`, to refuse a second recommendation under a taken reference. */
  references: Map<string, RecommendationId>;
}
