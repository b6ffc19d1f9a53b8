import { Controller, Get, Inject, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowReaders, PublicRead } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { toCsv } from '../../http/csv';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { FIGURE_NAMES } from '../shared/figure-values';
import { QueryReader, type RawQuery } from '../shared/query-params';
import { csvFile, wantsCsv } from '../shared/respond';
import { ApiFigureParams, ApiTimeTravel } from '../shared/swagger';
import { conferenceReportHtml } from './conference-report.html';
import { ConferenceReportQuery, type ConferenceReportResult } from './conference-report.query';

@ApiTags('Ansichten')
@Controller('regions/:regionId/conferences')
export class ConferenceReportHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':conferenceId/report')
  @AllowReaders()
  @PublicRead()
  @ApiOperation({
    summary: 'Bericht an die Bildungskonferenz (Ansicht 7)',
    description: 'Eine druckbare Seite je Konferenz-Kohorte mit allen Kennzahlen, dem Trichter und den Namen hinter den Zahlen (überfällig, stockend, ungeprüft).',
  })
  @ApiTimeTravel()
  @ApiFigureParams()
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'html'], description: 'html: druckbare Seite; csv: die Kennzahlen (UTF-8 mit BOM, „;“).' })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ description: 'Der Bericht.' })
  async get(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('conferenceId', UuidParamPipe) conferenceId: string,
    @Query() query: RawQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConferenceReportResult | StreamableFile | string> {
    const q = new QueryReader(query);
    const point = q.timePoint(this.clock());
    const params = q.figureParams();
    const format = q.oneOf('format', ['json', 'csv', 'html'] as const);
    q.done();
    const result = await this.queries.execute(new ConferenceReportQuery(regionId, conferenceId, point, params));
    if (format === 'html' || (format === undefined && /^\s*text\/html/i.test(request.headers.accept ?? ''))) {
      response.type('text/html; charset=utf-8');
      return conferenceReportHtml(result);
    }
    if (!wantsCsv(request, format)) return result;
    return csvFile(`bericht-${result.conference.label}-${result.asOf}.csv`, reportCsv(result));
  }
}

export function reportCsv(r: ConferenceReportResult): string {
  return toCsv(
    [
      { header: 'Konferenz', value: () => r.conference.label },
      { header: 'Stand', value: () => r.asOf },
      { header: 'Kennzahl', value: (name) => name },
      { header: 'Wert', value: (name) => r.figures[name].value },
      { header: 'Zähler', value: (name) => r.figures[name].numerator },
      { header: 'Nenner', value: (name) => r.figures[name].denominator },
    ],
    FIGURE_NAMES,
  );
}
