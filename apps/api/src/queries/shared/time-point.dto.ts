import type { TimePoint } from './query-params';

/** Where an answer came from: a replay of the event streams, or the read models (only "now", and only when they have applied the whole log). */
export type AnswerSource = 'replay' | 'read_model';

/** How a view says which point in time it shows (echoed in every answer). */
export interface TimePointView {
  asOf: string;
  /** null: everything recorded so far. */
  knownAt: string | null;
  source: AnswerSource;
}

export const timePointView = (point: TimePoint, source: AnswerSource = 'replay'): TimePointView => ({
  asOf: point.asOf,
  knownAt: point.knownAt?.toISOString() ?? null,
  source,
});
