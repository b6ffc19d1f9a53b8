import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cohortOf, figures, figuresByGroup, withDefaults, type Cohort, type FigureParams, type Figures, type GroupBy } from '@app/figures';
import { figureValues, type FigureValues } from '../shared/figure-values';
import { groupLabel } from '../shared/labels';
import type { TimePoint } from '../shared/query-params';
import { RegionHistory, requireConference } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';
import { keptAnswer } from '../shared/kept-answer';

export interface FiguresGroup {
  key: string;
  label: string;
  figures: FigureValues;
  /** With `detail=true`: every figure with its member lists (who counted, who did not). */
  detail?: Figures;
}

export interface FiguresResult extends TimePointView {
  regionId: string;
  cohort: Cohort;
  groupBy: GroupBy | null;
  params: FigureParams;
  groups: FiguresGroup[];
}

export class FiguresQuery extends Query<FiguresResult> {
  constructor(
    readonly regionId: string,
    readonly point: TimePoint,
    readonly cohort: Cohort,
    readonly groupBy: GroupBy | undefined,
    readonly params: Partial<FigureParams>,
    readonly detail: boolean,
  ) {
    super();
  }
}

/** Every figure of metrics.md for one cohort, whole or grouped; the definitions are @app/figures'. */
@QueryHandler(FiguresQuery)
export class FiguresHandler implements IQueryHandler<FiguresQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute(query: FiguresQuery): Promise<FiguresResult> {
    const { regionId, point, cohort, groupBy, params, detail } = query;
    const snapshot = await this.history.snapshot(regionId, point);
    return keptAnswer(snapshot, query, () => {
      if ('conferenceId' in cohort) requireConference(snapshot, cohort.conferenceId);
      const members = cohortOf(snapshot.facts, cohort);
      const options = { asOf: point.asOf, params, conferences: snapshot.conferences };
      const grouped = groupBy === undefined ? [{ key: 'cohort', figures: figures(members, options) }] : figuresByGroup(members, { ...options, by: groupBy });
      return {
        ...timePointView(point, snapshot.source),
        regionId,
        cohort,
        groupBy: groupBy ?? null,
        params: withDefaults(params),
        groups: grouped.map(({ key, figures: all }) => ({
          key,
          label: groupLabel(snapshot, groupBy, key),
          figures: figureValues(all),
          ...(detail ? { detail: all } : {}),
        })),
      };
    });
  }
}

