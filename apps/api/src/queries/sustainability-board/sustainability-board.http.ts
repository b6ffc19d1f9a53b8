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
import { SustainabilityBoardQuery, type SustainabilityBoardResult } from './sustainability-board.query';

@ApiTags('Ansichten')
@Controller('regions/:regionId/views/sustainability-board')
export class SustainabilityBoardHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @PublicRead()
  @ApiOperation({
    summary: 'Nachhaltigkeitsboard (Ansicht 4)',
    description: 'Umgesetzte Empfehlungen nach Prüfergebnis und Verankerung; fällige, aber nicht geprüfte Empfehlungen.',
  })
  @ApiBoardQuery()
  @ApiOkResponse({ description: 'Basis, Zählungen nach Ergebnis und Verankerung, blinde Flecken; CSV: eine Zeile je Empfehlung der Basis.' })
  async get(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery, @Req() request: Request): Promise<SustainabilityBoardResult | StreamableFile> {
    return answerBoard(this.queries, this.clock(), query, request, (v) => new SustainabilityBoardQuery(regionId, v.point, v.cohort, v.params), { file: 'nachhaltigkeit', write: sustainabilityCsv });
  }
}

export function sustainabilityCsv(result: SustainabilityBoardResult): string {
  return toCsv(
    [
      { header: 'Empfehlung', value: (i) => i.reference },
      { header: 'Titel', value: (i) => i.title },
      { header: 'Umgesetzt am', value: (i) => i.implementedOn },
      { header: 'Prüfung fällig ab', value: (i) => i.reviewDueOn },
      { header: 'Ergebnis', value: (i) => i.standing },
      { header: 'Geprüft am', value: (i) => i.review?.reviewedOn },
      { header: 'Verankerung', value: (i) => i.review?.anchoring.join(', ') },
    ],
    result.items,
  );
}
