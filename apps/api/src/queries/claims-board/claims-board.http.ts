import { Controller, Get, Inject, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AllowReaders } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { toCsv } from '../../http/csv';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import type { RawQuery } from '../shared/query-params';
import { answerBoard } from '../shared/board';
import { ApiBoardQuery } from '../shared/swagger';
import { ClaimsBoardQuery, type ClaimsBoardResult } from './claims-board.query';

@ApiTags('Ansichten')
@Controller('regions/:regionId/views/claims')
export class ClaimsBoardHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @ApiOperation({
    summary: 'Umsetzungsmeldungen zur Prüfung',
    description: 'Meldungen „umgesetzt“ oder „teilweise umgesetzt“, die der Lenkungskreis noch nicht bestätigt hat, die älteste zuerst, mit den Nachweisen des Berichts.',
  })
  @ApiBoardQuery()
  @ApiOkResponse({ description: 'Offene Meldungen; CSV: eine Zeile je Meldung.' })
  async get(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery, @Req() request: Request): Promise<ClaimsBoardResult | StreamableFile> {
    return answerBoard(this.queries, this.clock(), query, request, (v) => new ClaimsBoardQuery(regionId, v.point, v.cohort, v.params), { file: 'meldungen-zur-pruefung', write: claimsCsv });
  }
}

export function claimsCsv(result: ClaimsBoardResult): string {
  return toCsv(
    [
      { header: 'Empfehlung', value: (i) => i.reference },
      { header: 'Titel', value: (i) => i.title },
      { header: 'Gremium', value: (i) => i.committee },
      { header: 'Meldung', value: (i) => i.status },
      { header: 'Gemeldet am', value: (i) => i.reportedOn },
      { header: 'Wartet seit Tagen', value: (i) => i.waitingDays },
      { header: 'Nachweise', value: (i) => i.evidence.map((e) => `${e.title} <${e.url}>`).join(', ') },
    ],
    result.awaiting,
  );
}
