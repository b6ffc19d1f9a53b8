import { Controller, Get, Inject, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FigureValueDto, FiguresResultDto } from '../shared/openapi-schemas';
import type { Request } from 'express';
import { AllowReaders, PublicRead } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { toCsv } from '../../http/csv';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { FIGURE_NAMES } from '../shared/figure-values';
import { GROUP_BYS, QueryReader, cohortText, type RawQuery } from '../shared/query-params';
import { csvFile, wantsCsv } from '../shared/respond';
import { ApiCohort, ApiCsv, ApiFigureParams, ApiTimeTravel } from '../shared/swagger';
import { FiguresQuery, type FiguresResult } from './figures.query';

@ApiTags('Kennzahlen')
@Controller('regions/:regionId/figures')
export class FiguresHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @PublicRead()
  @ApiOperation({
    summary: 'Kennzahlen einer Kohorte (metrics.md), gesamt oder gruppiert',
    description: 'Alle Kennzahlen für die Empfehlungen einer Konferenz oder eines Jahres, wahlweise nach Region, Konferenz, Jahr, Gremium oder Handlungsfeld gruppiert; zu jedem Stand (asOf) und Kenntnisstand (knownAt).',
  })
  @ApiCohort(true)
  @ApiQuery({ name: 'groupBy', required: false, enum: GROUP_BYS })
  @ApiQuery({ name: 'detail', required: false, type: Boolean, description: 'true: je Kennzahl auch die gezählten und nicht gezählten Empfehlungen bzw. Zuständigkeiten.' })
  @ApiTimeTravel()
  @ApiFigureParams()
  @ApiCsv()
  @ApiExtraModels(FigureValueDto)
  @ApiOkResponse({ description: 'Kennzahlen je Gruppe; value null heißt: leere Basis („–“).', type: FiguresResultDto })
  async get(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Query() query: RawQuery,
    @Req() request: Request,
  ): Promise<FiguresResult | StreamableFile> {
    const q = new QueryReader(query);
    const point = q.timePoint(this.clock());
    const cohort = q.cohort('cohort', true);
    const groupBy = q.oneOf('groupBy', GROUP_BYS);
    const params = q.figureParams();
    const detail = q.boolean('detail') ?? false;
    const format = q.format();
    q.done();
    const result = await this.queries.execute(new FiguresQuery(regionId, point, cohort!, groupBy, params, detail));
    if (!wantsCsv(request, format)) return result;
    return csvFile(`kennzahlen-${cohortText(result.cohort)}-${result.asOf}.csv`, figuresCsv(result));
  }
}

/** One line per group and figure, so a pivot table can lay them out either way. */
export function figuresCsv(result: FiguresResult): string {
  const rows = result.groups.flatMap((g) => FIGURE_NAMES.map((name) => ({ group: g, name, figure: g.figures[name] })));
  return toCsv(
    [
      { header: 'Kohorte', value: () => cohortText(result.cohort) },
      { header: 'Stand', value: () => result.asOf },
      { header: 'Kenntnisstand', value: () => result.knownAt ?? '' },
      { header: 'Gruppierung', value: () => result.groupBy ?? '' },
      { header: 'Gruppe', value: (r) => r.group.key },
      { header: 'Bezeichnung', value: (r) => r.group.label },
      { header: 'Kennzahl', value: (r) => r.name },
      { header: 'Wert', value: (r) => r.figure.value },
      { header: 'Zähler', value: (r) => r.figure.numerator },
      { header: 'Nenner', value: (r) => r.figure.denominator },
      { header: 'Anzahl', value: (r) => r.figure.count },
    ],
    rows,
  );
}
