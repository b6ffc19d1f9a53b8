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
import { CommitteeScorecardQuery, type CommitteeScorecardResult } from './committee-scorecard.query';

@ApiTags('Ansichten')
@Controller('regions/:regionId/views/committee-scorecard')
export class CommitteeScorecardHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @PublicRead()
  @ApiOperation({
    summary: 'Gremien-Scorecard (Ansicht 2)',
    description: 'Je Gremium Übergaben, Antwortquote, Berichtstreue, Umsetzungsquote und mittlere Dauern; überfällige Berichte mit Namen der Empfehlung.',
  })
  @ApiBoardQuery()
  @ApiOkResponse({ description: 'Ein Eintrag je Gremium mit Übergaben in der Kohorte.' })
  async get(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery, @Req() request: Request): Promise<CommitteeScorecardResult | StreamableFile> {
    return answerBoard(this.queries, this.clock(), query, request, (v) => new CommitteeScorecardQuery(regionId, v.point, v.cohort, v.params), { file: 'gremien', write: scorecardCsv });
  }
}

export function scorecardCsv(result: CommitteeScorecardResult): string {
  return toCsv(
    [
      { header: 'Gremium', value: (c) => c.name },
      { header: 'Kurzname', value: (c) => c.shortName },
      { header: 'Stand', value: () => result.asOf },
      { header: 'Übergaben', value: (c) => c.handOffs },
      { header: 'responseRate', value: (c) => c.responseRate.value },
      { header: 'reportingCompliance', value: (c) => c.reportingCompliance.value },
      { header: 'implementationRate', value: (c) => c.implementationRate.value },
      { header: 'partialImplementationRate', value: (c) => c.partialImplementationRate.value },
      { header: 'medianDaysToHandOff', value: (c) => c.medianDaysToHandOff.value },
      { header: 'medianMonthsToImplementation', value: (c) => c.medianMonthsToImplementation.value },
      { header: 'unverifiedClaimRate', value: (c) => c.unverifiedClaimRate.value },
      { header: 'Meldungen ohne Prüfung', value: (c) => c.unverifiedClaimRate.numerator },
      { header: 'dueDateRevisionRate', value: (c) => c.dueDateRevisionRate.value },
      { header: 'Fristen verlängert', value: (c) => c.dueDateRevisionRate.numerator },
      { header: 'Überfällige Berichte', value: (c) => c.overdueReports.length },
      { header: 'Überfällig (Empfehlungen, fällig seit)', value: (c) => c.overdueReports.map((o) => `${o.reference} (${o.dueOn ?? '–'})`).join(', ') },
    ],
    result.committees,
  );
}
