import { Controller, Get, Inject, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { LifecycleState } from '@app/figures';
import { AllowReaders, PublicRead } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { toCsv } from '../../http/csv';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { DEFAULT_LIMIT, listPage, MAX_LIMIT } from '../shared/list-page';
import { QueryReader, type RawQuery } from '../shared/query-params';
import { csvFile, wantsCsv } from '../shared/respond';
import { ApiCsv, ApiTimeTravel } from '../shared/swagger';
import { RecommendationListResultDto } from '../shared/openapi-schemas';
import { RecommendationListQuery, type ListFilters, type RecommendationListResult } from './recommendation-list.query';

export const LIFECYCLE_STATES: readonly LifecycleState[] = [
  'adopted',
  'handed_off',
  'in_progress',
  'implemented',
  'partially_implemented',
  'sustained',
  'at_risk',
  'lapsed',
  'withdrawn',
  'superseded',
  'declined',
  'not_implemented',
];

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class RecommendationListHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @PublicRead()
  @ApiOperation({
    summary: 'Empfehlungen auflisten (Filter, Cursor-Paginierung, Zeitreise)',
    description: 'Sortiert nach Beschlussdatum und Nummer. CSV enthält alle passenden Empfehlungen ohne Seitenteilung.',
  })
  @ApiQuery({ name: 'conference', required: false, description: 'Konferenz-UUID' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: 'Beschlussjahr' })
  @ApiQuery({ name: 'lifecycle', required: false, enum: LIFECYCLE_STATES, description: 'Lebenszyklus-Zustand zum Stand asOf' })
  @ApiQuery({ name: 'committee', required: false, description: 'Gremium-UUID: Empfehlungen mit einer Übergabe an dieses Gremium' })
  @ApiQuery({ name: 'fieldOfAction', required: false, description: 'Handlungsfeld, z. B. Inklusion' })
  @ApiQuery({ name: 'stalled', required: false, type: Boolean, description: 'true: nur stockende (180 Tage ohne Ereignis), false: nur nicht stockende' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor der vorigen Seite' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `Einträge je Seite, 1 bis ${MAX_LIMIT} (Standard ${DEFAULT_LIMIT})` })
  @ApiTimeTravel()
  @ApiCsv()
  @ApiOkResponse({ description: '{ items, nextCursor } – nextCursor null auf der letzten Seite.', type: RecommendationListResultDto })
  async list(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery, @Req() request: Request): Promise<RecommendationListResult | StreamableFile> {
    const q = new QueryReader(query);
    const point = q.timePoint(this.clock());
    const filters: ListFilters = {};
    const conferenceId = q.uuid('conference');
    if (conferenceId) filters.conferenceId = conferenceId;
    const year = q.integer('year', 1900, 2999);
    if (year !== undefined) filters.year = year;
    const lifecycle = q.oneOf('lifecycle', LIFECYCLE_STATES);
    if (lifecycle) filters.lifecycle = lifecycle;
    const committeeId = q.uuid('committee');
    if (committeeId) filters.committeeId = committeeId;
    const fieldOfAction = q.string('fieldOfAction');
    if (fieldOfAction !== undefined) filters.fieldOfAction = fieldOfAction;
    const stalled = q.boolean('stalled');
    if (stalled !== undefined) filters.stalled = stalled;
    const page = listPage(q);
    const format = q.format();
    q.done();
    const csv = wantsCsv(request, format);
    const result = await this.queries.execute(
      new RecommendationListQuery(regionId, point, filters, csv ? undefined : page),
    );
    if (!csv) return result;
    return csvFile(`empfehlungen-${result.asOf}.csv`, listCsv(result));
  }
}

export function listCsv(result: RecommendationListResult): string {
  return toCsv(
    [
      { header: 'Nummer', value: (i) => i.reference },
      { header: 'Titel', value: (i) => i.title },
      { header: 'Konferenz', value: (i) => i.conference },
      { header: 'Beschlossen am', value: (i) => i.adoptedOn },
      { header: 'Handlungsfelder', value: (i) => i.fieldsOfAction.join(', ') },
      { header: 'Zustand', value: (i) => i.lifecycle },
      { header: 'Stockt', value: (i) => i.stalled },
      { header: 'Gremien', value: (i) => i.committees.map((c) => `${c.name} (${c.state})`).join(', ') },
      { header: 'Nächster Bericht fällig', value: (i) => i.nextReportDueOn },
      { header: 'Überfällig', value: (i) => i.overdue },
      { header: 'Stand', value: () => result.asOf },
    ],
    result.items,
  );
}
