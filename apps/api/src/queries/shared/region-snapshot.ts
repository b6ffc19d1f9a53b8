import type { ConferenceFacts, RecommendationFacts } from '@app/figures';
import type { Directory } from '@app/read-models';
import type { TimePoint } from './query-params';
import type { AnswerSource } from './time-point.dto';

/** Everything a figure or view of one region needs, as it stood at a time point. */
export interface RegionSnapshot {
  regionId: string;
  regionName: string;
  point: TimePoint;
  source: AnswerSource;
  /** Conferences and committees as known now: labels and the 404 check only, never a base (so a 404 never depends on knownAt). */
  directory: Directory;
  /** Conferences as loopClosureRate needs them: events known at `knownAt` and dated by `asOf`. */
  conferences: ConferenceFacts[];
  /** recommendationFacts of every recommendation of the region adopted by `asOf` (metrics.md's definitions, not SQL). */
  facts: RecommendationFacts[];
}
