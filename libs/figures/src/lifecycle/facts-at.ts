import { historyAt, type HistoryEvent, type HistoryPoint } from '../history/history-at';
import { recommendationFacts, type RecommendationFacts } from './facts';

/**
 * Facts of every recommendation in `events` (any mix of recommendation streams, each in stream
 * order) at a point in time; those not yet adopted at `asOf` are left out. The time-travel path:
 * `figures(factsAt(events, { asOf, knownAt }), { asOf })`.
 */
export function factsAt(events: readonly HistoryEvent[], point: HistoryPoint): RecommendationFacts[] {
  const streams = new Map<string, HistoryEvent[]>();
  for (const event of events) {
    const stream = streams.get(event.streamId);
    if (stream) stream.push(event);
    else streams.set(event.streamId, [event]);
  }
  return [...streams.values()].flatMap((stream) => recommendationFacts(historyAt(stream, point), point.asOf) ?? []);
}
