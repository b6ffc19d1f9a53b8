import { Controller, Get, Inject, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { FUNNEL_STAGES } from '@app/figures';
import { AllowReaders, PublicRead } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { toCsv } from '../../http/csv';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import type { RawQuery } from '../shared/query-params';
import { answerBoard } from '../shared/board';
import { ApiBoardQuery } from '../shared/swagger';
import { FunnelQuery, type FunnelResult } from './funnel.query';

@ApiTags('Ansichten')
@Controller('regions/:regionId/views/funnel')
export class FunnelHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @PublicRead()
  @ApiOperation({
    summary: 'Trichter je Konferenz (Ansicht 1)',
    description: 'beschlossen → übergeben → angenommen → berichtet → umgesetzt → Wirkung gemessen → nachhaltig; Anzahlen und Anteile je Konferenz.',
  })
  @ApiBoardQuery()
  @ApiOkResponse({ description: 'Eine Balkengruppe je Konferenz, nach Datum.' })
  async get(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery, @Req() request: Request): Promise<FunnelResult | StreamableFile> {
    return answerBoard(this.queries, this.clock(), query, request, (v) => new FunnelQuery(regionId, v.point, v.cohort, v.params), { file: 'trichter', write: funnelCsv });
  }
}

/** One line per conference: the counts, then the shares, stage by stage. */
export function funnelCsv(result: FunnelResult): string {
  const count = (stage: string) => (g: FunnelResult['conferences'][number]) => g.stages.find((s) => s.stage === stage)?.count;
  const share = (stage: string) => (g: FunnelResult['conferences'][number]) => g.stages.find((s) => s.stage === stage)?.share;
  return toCsv(
    [
      { header: 'Konferenz', value: (g) => g.label },
      { header: 'Datum', value: (g) => g.date },
      { header: 'Stand', value: () => result.asOf },
      ...FUNNEL_STAGES.map((stage) => ({ header: stage, value: count(stage) })),
      ...FUNNEL_STAGES.map((stage) => ({ header: `${stage} Anteil`, value: share(stage) })),
    ],
    result.conferences,
  );
}
