import type { TimePoint } from './query-params';

/** How a view says which point in time it shows (echoed in every answer). */
export interface TimePointView {
  asOf: string;
  /** null: everything recorded so far. */
  knownAt: string | null;
  /** Always "replay": computed from the event streams, never from a possibly lagging read model. */
  source: 'replay';
}

export const timePointView = (point: TimePoint): TimePointView => ({
  asOf: point.asOf,
  knownAt: point.knownAt?.toISOString() ?? null,
  source: 'replay',
});
