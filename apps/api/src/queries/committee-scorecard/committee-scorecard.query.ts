import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { daysBetween, figuresByGroup, isRetired } from '@app/figures';
import { figureValues, type FigureValue } from '../shared/figure-values';
import { committeeName } from '../shared/labels';
import { BoardQuery, boardScope } from '../shared/board';
import { keptAnswer } from '../shared/kept-answer';
import { RegionHistory } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';

export interface OverdueReport {
  recommendationId: string;
  reference: string;
  title: string;
  decidedOn: string;
  dueOn: string | null;
  daysOverdue: number | null;
}

export interface CommitteeScore {
  committeeId: string;
  name: string;
  shortName: string | null;
  /** Hand-offs to the committee (withdrawn and superseded recommendations left out, as in every base). */
  handOffs: number;
  responseRate: FigureValue;
  reportingCompliance: FigureValue;
  implementationRate: FigureValue;
  partialImplementationRate: FigureValue;
  medianDaysToHandOff: FigureValue;
  medianMonthsToImplementation: FigureValue;
  /** Claims at least V days old the Lenkungskreis has not confirmed (numerator: how many). */
  unverifiedClaimRate: FigureValue;
  /** Accepted assignments whose due date was revised (numerator: how many). */
  dueDateRevisionRate: FigureValue;
  /** The accepted assignments overdue at asOf, by name (reportingCompliance's not counted). */
  overdueReports: OverdueReport[];
}

export interface CommitteeScorecardResult extends TimePointView {
  regionId: string;
  committees: CommitteeScore[];
}

export class CommitteeScorecardQuery extends BoardQuery<CommitteeScorecardResult> {}

/** View 2: per committee its figures (the committee grouping of metrics.md) and its overdue reports by name. */
@QueryHandler(CommitteeScorecardQuery)
export class CommitteeScorecardHandler implements IQueryHandler<CommitteeScorecardQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute(query: CommitteeScorecardQuery): Promise<CommitteeScorecardResult> {
    const { regionId, point, params } = query;
    const { snapshot, facts, ctx } = await boardScope(this.history, query);
    return keptAnswer(snapshot, query, () => {
      const titles = new Map(facts.map((f) => [f.recommendationId, f.title]));
      const committees = figuresByGroup(facts, { asOf: point.asOf, params, conferences: snapshot.conferences, by: 'committee' }).map(({ key, figures }) => {
        const values = figureValues(figures);
        return {
          committeeId: key,
          name: committeeName(snapshot, key),
          shortName: snapshot.directory.committees.get(key)?.short_name ?? null,
          handOffs: facts.filter((f) => !isRetired(f)).flatMap((f) => f.handOffs).filter((a) => a.committeeId === key).length,
          responseRate: values.responseRate,
          reportingCompliance: values.reportingCompliance,
          implementationRate: values.implementationRate,
          partialImplementationRate: values.partialImplementationRate,
          medianDaysToHandOff: values.medianDaysToHandOff,
          medianMonthsToImplementation: values.medianMonthsToImplementation,
          unverifiedClaimRate: values.unverifiedClaimRate,
          dueDateRevisionRate: values.dueDateRevisionRate,
          overdueReports: figures.reportingCompliance.notCounted.map((a) => ({
            recommendationId: a.recommendationId,
            reference: a.reference,
            title: titles.get(a.recommendationId) ?? '',
            decidedOn: a.decidedOn,
            dueOn: a.dueOn ?? null,
            daysOverdue: a.dueOn === undefined ? null : daysBetween(a.dueOn, ctx.asOf),
          })),
        };
      });
      committees.sort((a, b) => a.name.localeCompare(b.name, 'de'));
      return { ...timePointView(point, snapshot.source), regionId, committees };
    });
  }
}
