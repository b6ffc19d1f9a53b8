import type { CalendarDate } from '../history/dates';
import type { RecommendationFacts } from '../lifecycle/facts';
import { ratio, type Ratio, type RecommendationRef } from './figure';
import { recommendationsIn, refOf, type FigureContext } from './scope';

/**
 * Share of the cohort whose outcome was reported to a later conference: one dated after the
 * adopting conference (after the adoption date if that conference is not given). Dates, not numbers:
 * numbers run per kind (a Tag der Bildung has its own count). A conference not given is not counted.
 */
export function loopClosureRate(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<RecommendationRef> {
  const dateOf = new Map<string, CalendarDate>((ctx.conferences ?? []).map((c) => [c.conferenceId, c.date]));
  return ratio(
    recommendationsIn(facts, ctx),
    (f) => {
      const adoptedAt = dateOf.get(f.conferenceId) ?? f.adoptedOn;
      return f.outcomeReports.some((o) => {
        const reportedAt = dateOf.get(o.conferenceId);
        return reportedAt !== undefined && reportedAt > adoptedAt;
      });
    },
    refOf,
  );
}
