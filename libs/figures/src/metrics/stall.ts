import type { CalendarDate } from '../history/dates';
import type { RecommendationFacts } from '../lifecycle/facts';
import { lifecycleOf, OPEN_STATES } from '../lifecycle/lifecycle';
import { ratio, type Ratio, type RecommendationRef } from './figure';
import { recommendationsIn, refOf, type FigureContext } from './scope';

/** Base: recommendations still adopted, handed off or in progress; counted: silent for more than the stall days. */
export function stallRate(facts: readonly RecommendationFacts[], ctx: FigureContext): Ratio<RecommendationRef & { lastEventOn: CalendarDate }> {
  const base = recommendationsIn(facts, ctx).filter((f) => OPEN_STATES.includes(lifecycleOf(f, ctx.asOf).state));
  return ratio(
    base,
    (f) => lifecycleOf(f, ctx.asOf, ctx.params.stallDays).stalled,
    (f) => ({ ...refOf(f), lastEventOn: f.lastEventOn }),
  );
}
