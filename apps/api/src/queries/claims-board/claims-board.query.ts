import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamIdOf, type Evidence, type ImplementationStatus } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { assignmentsIn, daysBetween, isClaim } from '@app/figures';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { BoardQuery, boardScope } from '../shared/board';
import { RegionHistory } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';

export interface ClaimItem {
  recommendationId: string;
  reference: string;
  title: string;
  committeeId: string;
  committee: string;
  status: ImplementationStatus;
  reportedOn: string;
  /** Days the claim has waited at asOf. */
  waitingDays: number;
  summary: string;
  evidence: Evidence[];
}

export interface ClaimsBoardResult extends TimePointView {
  regionId: string;
  /** Claims (metrics.md) with no confirmation dated on or before asOf, oldest first. */
  awaiting: ClaimItem[];
}

export class ClaimsBoardQuery extends BoardQuery<ClaimsBoardResult> {}

/**
 * The Lenkungskreis's verification queue: every current implementation claim not yet confirmed,
 * oldest first, with the summary and evidence of the report it rests on (read from the stream,
 * since the facts keep no texts).
 */
@QueryHandler(ClaimsBoardQuery)
export class ClaimsBoardHandler implements IQueryHandler<ClaimsBoardQuery> {
  constructor(
    private readonly history: RegionHistory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(query: ClaimsBoardQuery): Promise<ClaimsBoardResult> {
    const { snapshot, facts, ctx } = await boardScope(this.history, query);
    const open = assignmentsIn(facts, ctx)
      .filter(({ assignment }) => isClaim(assignment) && assignment.lastReport!.confirmedOn === undefined)
      .sort((a, b) => a.assignment.lastReport!.reportedOn.localeCompare(b.assignment.lastReport!.reportedOn) || a.recommendation.reference.localeCompare(b.recommendation.reference, 'de', { numeric: true }));
    const awaiting = await Promise.all(
      open.map(async ({ recommendation, assignment }) => {
        const report = await this.reportOf(recommendation.recommendationId, assignment.committeeId, assignment.lastReport!.reportedOn, query.point.knownAt);
        return {
          recommendationId: recommendation.recommendationId,
          reference: recommendation.reference,
          title: recommendation.title,
          committeeId: assignment.committeeId,
          committee: snapshot.directory.committees.get(assignment.committeeId)?.name ?? assignment.committeeId,
          status: assignment.lastReport!.status,
          reportedOn: assignment.lastReport!.reportedOn,
          waitingDays: daysBetween(assignment.lastReport!.reportedOn, query.point.asOf),
          summary: report?.summary ?? '',
          evidence: report?.evidence ?? [],
        };
      }),
    );
    return { ...timePointView(query.point), regionId: query.regionId, awaiting };
  }

  /** The last recorded report of that committee dated that day, with its corrections left aside (texts only). */
  private async reportOf(recommendationId: string, committeeId: string, reportedOn: string, knownAt: Date | undefined) {
    const events = await this.store.readStream(streamIdOf.recommendation(recommendationId), knownAt ? { recordedBefore: new Date(knownAt.getTime() + 1) } : {});
    const reports = events
      .filter((e) => e.type === 'ImplementationStatusReported')
      .map((e) => e.data as { committeeId: string; reportedOn: string; summary: string; evidence: Evidence[] })
      .filter((d) => d.committeeId === committeeId && d.reportedOn === reportedOn);
    return reports.at(-1);
  }
}
