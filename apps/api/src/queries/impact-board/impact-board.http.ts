import { Controller, Get, Inject, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AllowReaders, PublicRead } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { toCsv } from '../../http/csv';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import type { RawQuery } from '../shared/query-params';
import { answerBoard } from '../shared/board';
import { ApiBoardQuery } from '../shared/swagger';
import { ImpactBoardQuery, type ImpactBoardResult } from './impact-board.query';

@ApiTags('Ansichten')
@Controller('regions/:regionId/views/impact-board')
export class ImpactBoardHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @PublicRead()
  @ApiOperation({ summary: 'Wirkungsboard (Ansicht 3)', description: 'Wirkungsindikatoren mit Ausgangswert, Ziel und Messungen im Zeitverlauf.' })
  @ApiBoardQuery()
  @ApiOkResponse({ description: 'Ein Eintrag je Indikator; CSV: eine Zeile je Messung.' })
  async get(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery, @Req() request: Request): Promise<ImpactBoardResult | StreamableFile> {
    return answerBoard(this.queries, this.clock(), query, request, (v) => new ImpactBoardQuery(regionId, v.point, v.cohort, v.params), { file: 'wirkung', write: impactCsv });
  }
}

/** One line per measurement (an indicator without any gets one line with empty measurement cells). */
export function impactCsv(result: ImpactBoardResult): string {
  const rows = result.indicators.flatMap((i) =>
    (i.measurements.length ? i.measurements : [undefined]).map((m) => ({ i, m })),
  );
  return toCsv(
    [
      { header: 'Empfehlung', value: (r) => r.i.reference },
      { header: 'Titel', value: (r) => r.i.title },
      { header: 'Indikator', value: (r) => r.i.name },
      { header: 'Einheit', value: (r) => r.i.unit },
      { header: 'Richtung', value: (r) => r.i.direction },
      { header: 'Gremium', value: (r) => r.i.committee },
      { header: 'Ausgangswert', value: (r) => r.i.baseline.value },
      { header: 'Ausgangsdatum', value: (r) => r.i.baseline.on },
      { header: 'Zielwert', value: (r) => r.i.target.value },
      { header: 'Zieldatum', value: (r) => r.i.target.dueOn },
      { header: 'Messdatum', value: (r) => r.m?.measuredOn },
      { header: 'Messwert', value: (r) => r.m?.value },
      { header: 'Zielerreichung', value: (r) => r.i.score },
    ],
    rows,
  );
}
