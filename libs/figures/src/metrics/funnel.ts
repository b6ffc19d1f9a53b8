import type { RecommendationFacts } from '../lifecycle/facts';
import { impactCoverage } from './impact';
import { recommendationsIn, type FigureContext } from './scope';
import { sustainabilityRate } from './sustainability';

export const FUNNEL_STAGES = ['adopted', 'handedOff', 'accepted', 'reported', 'implemented', 'verified', 'impactMeasured', 'sustained'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * The funnel view (metrics.md "Views" 1): how many of the base reached each stage, and their share
 * of the adopted. "Implemented" counts fully or partly implemented, "verified" those of them whose every claim is confirmed; "impact measured" and
 * "sustained" are the numerators of impactCoverage and sustainabilityRate, so the page and the
 * figures never disagree.
 */
export function funnel(facts: readonly RecommendationFacts[], ctx: FigureContext): { stage: FunnelStage; count: number; share: number | null }[] {
  const base = recommendationsIn(facts, ctx);
  const counts: Record<FunnelStage, number> = {
    adopted: base.length,
    handedOff: base.filter((f) => f.handOffs.length > 0).length,
    accepted: base.filter((f) => f.handOffs.some((a) => a.answer === 'accepted')).length,
    reported: base.filter((f) => f.handOffs.some((a) => a.reports.length > 0)).length,
    implemented: base.filter((f) => f.implementedOn !== undefined || f.partiallyImplementedOn !== undefined).length,
    verified: base.filter((f) => f.verifiedImplementedOn !== undefined || f.verifiedPartiallyImplementedOn !== undefined).length,
    impactMeasured: impactCoverage(facts, ctx).numerator,
    sustained: sustainabilityRate(facts, ctx).numerator,
  };
  return FUNNEL_STAGES.map((stage) => ({ stage, count: counts[stage], share: base.length === 0 ? null : counts[stage] / base.length }));
}
