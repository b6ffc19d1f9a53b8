import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { addMonths, anchoredRate, implementationDateOf, lapseRate, recommendationsIn, reviewBase, sustainabilityRate, unreviewedRate, type Ratio } from '@app/figures';
import type { Anchoring, SustainabilityOutcome } from '@app/domain';
import { BoardQuery, boardScope } from '../shared/board';
import { keptAnswer } from '../shared/kept-answer';
import { RegionHistory } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';

export type ReviewStanding = SustainabilityOutcome | 'unreviewed';

export interface SustainabilityItem {
  recommendationId: string;
  /** The conference that adopted it: the board's chart groups by it. */
  conferenceId: string;
  reference: string;
  title: string;
  /** Implemented fully or partly on that day. */
  implementedOn: string;
  /** The first day a review counts: implementation + M months. */
  reviewDueOn: string;
  standing: ReviewStanding;
  review: { reviewedOn: string; outcome: SustainabilityOutcome; anchoring: Anchoring[] } | null;
}

const value = (r: Ratio<unknown>) => ({ value: r.value, numerator: r.numerator, denominator: r.denominator });

export interface SustainabilityBoardResult extends TimePointView {
  regionId: string;
  reviewMonths: number;
  figures: Record<'sustainabilityRate' | 'lapseRate' | 'unreviewedRate' | 'anchoredRate', ReturnType<typeof value>>;
  byStanding: Record<ReviewStanding, number>;
  /** Among the sustained: how often each anchoring was named in the review that counts. */
  anchoringOfSustained: Partial<Record<Anchoring, number>>;
  /** The sustainability base: implemented at least M months before asOf. */
  items: SustainabilityItem[];
  /** The blind spot: due for review and not reviewed. */
  dueNotReviewed: SustainabilityItem[];
  /** Implemented, but fewer than M months ago: their review is not due yet. */
  notYetDue: { recommendationId: string; conferenceId: string; reference: string; title: string; implementedOn: string; reviewDueOn: string }[];
}

export class SustainabilityBoardQuery extends BoardQuery<SustainabilityBoardResult> {}

/** View 4: implemented recommendations by review outcome and anchoring; those due for review and not reviewed. */
@QueryHandler(SustainabilityBoardQuery)
export class SustainabilityBoardHandler implements IQueryHandler<SustainabilityBoardQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute(query: SustainabilityBoardQuery): Promise<SustainabilityBoardResult> {
    const { regionId, point } = query;
    const { snapshot, facts, ctx } = await boardScope(this.history, query);
    return keptAnswer(snapshot, query, () => {
      const byId = new Map(facts.map((f) => [f.recommendationId, f]));
      const items: SustainabilityItem[] = reviewBase(facts, ctx).map((item) => ({
        recommendationId: item.recommendationId,
        conferenceId: byId.get(item.recommendationId)?.conferenceId ?? '',
        reference: item.reference,
        title: byId.get(item.recommendationId)?.title ?? '',
        implementedOn: item.implementedOn,
        reviewDueOn: item.reviewDueOn,
        standing: item.review?.outcome ?? 'unreviewed',
        review: item.review ? { reviewedOn: item.review.reviewedOn, outcome: item.review.outcome, anchoring: [...item.review.anchoring] } : null,
      }));
      const inBase = new Set(items.map((i) => i.recommendationId));
      const notYetDue = recommendationsIn(facts, ctx).flatMap((f) => {
        const implementedOn = implementationDateOf(f);
        if (implementedOn === undefined || inBase.has(f.recommendationId)) return [];
        return [{ recommendationId: f.recommendationId, conferenceId: f.conferenceId, reference: f.reference, title: f.title, implementedOn, reviewDueOn: addMonths(implementedOn, ctx.params.reviewMonths) }];
      });
      const byStanding: Record<ReviewStanding, number> = { sustained: 0, at_risk: 0, lapsed: 0, unreviewed: 0 };
      for (const item of items) byStanding[item.standing]++;
      const anchoringOfSustained: Partial<Record<Anchoring, number>> = {};
      for (const item of items.filter((i) => i.standing === 'sustained')) {
        for (const a of item.review!.anchoring) anchoringOfSustained[a] = (anchoringOfSustained[a] ?? 0) + 1;
      }
      const unreviewed = new Set(unreviewedRate(facts, ctx).counted.map((i) => i.recommendationId));
      return {
        ...timePointView(point, snapshot.source),
        regionId,
        reviewMonths: ctx.params.reviewMonths,
        figures: {
          sustainabilityRate: value(sustainabilityRate(facts, ctx)),
          lapseRate: value(lapseRate(facts, ctx)),
          unreviewedRate: value(unreviewedRate(facts, ctx)),
          anchoredRate: value(anchoredRate(facts, ctx)),
        },
        byStanding,
        anchoringOfSustained,
        items,
        dueNotReviewed: items.filter((i) => unreviewed.has(i.recommendationId)),
        notYetDue,
      };
    });
  }
}
