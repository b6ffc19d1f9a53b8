import type { StreamableFile } from '@nestjs/common';
import { Query, type QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import type { Cohort, FigureContext, FigureParams, RecommendationFacts } from '@app/figures';
import type { RawQuery, TimePoint } from './query-params';
import type { RegionHistory, RegionSnapshot } from './region-history';
import { csvFile, wantsCsv } from './respond';
import type { TimePointView } from './time-point.dto';
import { cohortScope, readViewQuery, type ViewQuery } from './view-query';

/*
 * What the four boards (views 1–4) have in common: the same question (region, time point, optional
 * cohort, figure parameters), the same scope to compute on, and the same answer (JSON or CSV).
 * Each board keeps its own query class, handler and controller; only this part is shared.
 */

/** What the four boards (views 1–4) ask for: a region at a time point, an optional cohort, figure parameters. */
export abstract class BoardQuery<Result> extends Query<Result> {
  constructor(
    readonly regionId: string,
    readonly point: TimePoint,
    readonly cohort: Cohort | undefined,
    readonly params: Partial<FigureParams>,
  ) {
    super();
  }
}

/** The region replayed to the board's time point and narrowed to its cohort (404 for a conference not of this region). */
export async function boardScope(
  history: RegionHistory,
  { regionId, point, cohort, params }: BoardQuery<unknown>,
): Promise<{ snapshot: RegionSnapshot; facts: RecommendationFacts[]; ctx: FigureContext }> {
  const snapshot = await history.snapshot(regionId, point);
  return { snapshot, ...cohortScope(snapshot, cohort, params) };
}

/** How a board names and writes its CSV export: `<file>-<asOf>.csv`. */
export interface BoardCsv<Result> {
  file: string;
  write: (result: Result) => string;
}

/** Every board's GET: read the view query (one 400 for all mistakes), run the board's query, answer JSON or CSV. */
export async function answerBoard<Result extends TimePointView>(
  queries: QueryBus,
  now: Date,
  raw: RawQuery,
  request: Request,
  queryOf: (v: ViewQuery) => BoardQuery<Result>,
  csv: BoardCsv<Result>,
): Promise<Result | StreamableFile> {
  const v = readViewQuery(raw, now);
  const result = await queries.execute(queryOf(v));
  if (!wantsCsv(request, v.format)) return result;
  return csvFile(`${csv.file}-${result.asOf}.csv`, csv.write(result));
}
