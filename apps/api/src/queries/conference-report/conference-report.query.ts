import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cohortOf, figures, funnel, lifecycleOf, type FigureParams, type FunnelStage, type LifecycleState } from '@app/figures';
import { figureValues, type FigureValues } from '../shared/figure-values';
import { committeeName } from '../shared/labels';
import type { TimePoint } from '../shared/query-params';
import { RegionHistory, requireConference } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';
import { cohortScope } from '../shared/view-query';
import { keptAnswer } from '../shared/kept-answer';

export interface ConferenceReportResult extends TimePointView {
  regionId: string;
  region: string;
  conference: { conferenceId: string; label: string; title: string; date: string; heldOn: string | null };
  params: FigureParams;
  figures: FigureValues;
  funnel: { stage: FunnelStage; count: number; share: number | null }[];
  recommendations: { recommendationId: string; reference: string; title: string; lifecycle: LifecycleState; stalled: boolean }[];
  overdueReports: { reference: string; title: string; committee: string; dueOn: string | null }[];
  stalled: { reference: string; title: string; lastEventOn: string }[];
  dueNotReviewed: { reference: string; title: string; implementedOn: string; reviewDueOn: string }[];
}

export class ConferenceReportQuery extends Query<ConferenceReportResult> {
  constructor(
    readonly regionId: string,
    readonly conferenceId: string,
    readonly point: TimePoint,
    readonly params: Partial<FigureParams>,
  ) {
    super();
  }
}

/** View 7: "Bericht an die Bildungskonferenz", one page per conference cohort with the figures and the names behind them. */
@QueryHandler(ConferenceReportQuery)
export class ConferenceReportHandler implements IQueryHandler<ConferenceReportQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute(query: ConferenceReportQuery): Promise<ConferenceReportResult> {
    const { regionId, conferenceId, point, params } = query;
    const snapshot = await this.history.snapshot(regionId, point);
    return keptAnswer(snapshot, query, () => {
      requireConference(snapshot, conferenceId);
      const { facts, ctx } = cohortScope(snapshot, { conferenceId }, params);
      const all = figures(cohortOf(facts, { conferenceId }), { asOf: point.asOf, params, conferences: snapshot.conferences });
      const titles = new Map(facts.map((f) => [f.recommendationId, f.title]));
      const title = (id: string) => titles.get(id) ?? '';
      const row = snapshot.directory.conferences.get(conferenceId)!;
      const byReference = <T extends { reference: string }>(list: T[]) => list.sort((a, b) => a.reference.localeCompare(b.reference, 'de', { numeric: true }));
      return {
        ...timePointView(point, snapshot.source),
        regionId,
        region: snapshot.regionName,
        conference: { conferenceId, label: row.label, title: row.title, date: row.date, heldOn: row.held_on },
        params: ctx.params,
        figures: figureValues(all),
        funnel: funnel(facts, ctx),
        recommendations: byReference(
          facts.map((f) => {
            const lifecycle = lifecycleOf(f, point.asOf);
            return { recommendationId: f.recommendationId, reference: f.reference, title: f.title, lifecycle: lifecycle.state, stalled: lifecycle.stalled };
          }),
        ),
        overdueReports: byReference(
          all.reportingCompliance.notCounted.map((a) => ({ reference: a.reference, title: title(a.recommendationId), committee: committeeName(snapshot, a.committeeId), dueOn: a.dueOn ?? null })),
        ),
        stalled: byReference(all.stallRate.counted.map((s) => ({ reference: s.reference, title: title(s.recommendationId), lastEventOn: s.lastEventOn }))),
        dueNotReviewed: byReference(
          all.unreviewedRate.counted.map((i) => ({ reference: i.reference, title: title(i.recommendationId), implementedOn: i.implementedOn, reviewDueOn: i.reviewDueOn })),
        ),
      };
    });
  }
}
