import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { funnel, type FunnelStage } from '@app/figures';
import { BoardQuery, boardScope } from '../shared/board';
import { keptAnswer } from '../shared/kept-answer';
import { RegionHistory } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';

export interface FunnelBarGroup {
  conferenceId: string;
  label: string;
  /** Held date, else the planned date (as known now). */
  date: string | null;
  stages: { stage: FunnelStage; count: number; share: number | null }[];
}

export interface FunnelResult extends TimePointView {
  regionId: string;
  conferences: FunnelBarGroup[];
}

export class FunnelQuery extends BoardQuery<FunnelResult> {}

/** View 1: one bar group per conference, in date order, so the years before and after a change sit side by side. */
@QueryHandler(FunnelQuery)
export class FunnelHandler implements IQueryHandler<FunnelQuery> {
  constructor(private readonly history: RegionHistory) {}

  async execute(query: FunnelQuery): Promise<FunnelResult> {
    const { regionId, point } = query;
    const { snapshot, facts, ctx } = await boardScope(this.history, query);
    return keptAnswer(snapshot, query, () => {
      const ids = [...new Set(facts.map((f) => f.conferenceId))];
      const conferences = ids.map((conferenceId) => {
        const row = snapshot.directory.conferences.get(conferenceId);
        return {
          conferenceId,
          label: row?.label ?? conferenceId,
          date: row ? (row.held_on ?? row.date) : null,
          stages: funnel(
            facts.filter((f) => f.conferenceId === conferenceId),
            ctx,
          ),
        };
      });
      conferences.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.label.localeCompare(b.label));
      return { ...timePointView(point, snapshot.source), regionId, conferences };
    });
  }
}
