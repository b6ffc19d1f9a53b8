import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { impactCoverage, indicatorAttainment, isRetired } from '@app/figures';
import { committeeName } from '../shared/labels';
import { BoardQuery, boardScope } from '../shared/board';
import { keptAnswer } from '../shared/kept-answer';
import { RegionHistory } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';

export interface IndicatorLine {
  recommendationId: string;
  reference: string;
  title: string;
  /** Withdrawn or superseded: shown, but outside the figures. */
  retired: boolean;
  indicatorId: string;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  committeeId: string;
  committee: string;
  baseline: { value: number; on: string };
  target: { value: number; dueOn: string };
  /** The line: measurements by date (as of asOf). */
  measurements: { measuredOn: string; value: number }[];
  /** indicatorAttainment's score of this indicator (clipped to [0, 1.5]); null without measurement or scale. */
  score: number | null;
}

export interface ImpactBoardResult extends TimePointView {
  regionId: string;
  impactCoverage: { value: number | null; numerator: number; denominator: number };
  indicatorAttainment: { value: number | null; denominator: number };
  indicators: IndicatorLine[];
}

export class ImpactBoardQuery extends BoardQuery<ImpactBoardResult> {}

/** View 3: every indicator with baseline, target and its measurements over time (a line each). */
@QueryHandler(ImpactBoardQuery)
export class ImpactBoardHandler implements IQueryHandler<ImpactBoardQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute(query: ImpactBoardQuery): Promise<ImpactBoardResult> {
    const { regionId, point } = query;
    const { snapshot, facts, ctx } = await boardScope(this.history, query);
    return keptAnswer(snapshot, query, () => {
      const attainment = indicatorAttainment(facts, ctx);
      const coverage = impactCoverage(facts, ctx);
      const scoreOf = new Map(attainment.indicators.map((i) => [`${i.recommendationId}/${i.indicatorId}`, i.score]));
      const indicators = facts.flatMap((f) =>
        f.indicators.map((i) => ({
          recommendationId: f.recommendationId,
          reference: f.reference,
          title: f.title,
          retired: isRetired(f),
          indicatorId: i.indicatorId,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          committeeId: i.committeeId,
          committee: committeeName(snapshot, i.committeeId),
          baseline: i.baseline,
          target: i.target,
          measurements: i.measurements.map((m) => ({ measuredOn: m.measuredOn, value: m.value })),
          score: scoreOf.get(`${f.recommendationId}/${i.indicatorId}`) ?? null,
        })),
      );
      indicators.sort((a, b) => a.reference.localeCompare(b.reference, 'de', { numeric: true }) || a.name.localeCompare(b.name, 'de'));
      return {
        ...timePointView(point, snapshot.source),
        regionId,
        impactCoverage: { value: coverage.value, numerator: coverage.numerator, denominator: coverage.denominator },
        indicatorAttainment: { value: attainment.value, denominator: attainment.denominator },
        indicators,
      };
    });
  }
}
