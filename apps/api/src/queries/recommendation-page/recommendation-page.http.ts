import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowReaders } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { QueryReader, type RawQuery } from '../shared/query-params';
import { ApiTimeTravel } from '../shared/swagger';
import { RecommendationPageQuery, type RecommendationPageResult } from './recommendation-page.query';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class RecommendationPageHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Logged-in readers only: the timeline names the people who recorded each step.
  @Get(':recommendationId/page')
  @AllowReaders()
  @ApiOperation({
    summary: 'Empfehlungsseite (Ansicht 5)',
    description: 'Aktueller Zustand, alle Zuständigkeiten und die vollständige Zeitleiste in Klartext: wer hat was wann erfasst; Korrekturen neben dem korrigierten Eintrag.',
  })
  @ApiTimeTravel()
  @ApiOkResponse({ description: 'Zustand, Zuständigkeiten, Indikatoren, Prüfungen, Zeitleiste.' })
  async get(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Query() query: RawQuery,
  ): Promise<RecommendationPageResult> {
    const q = new QueryReader(query);
    const point = q.timePoint(this.clock());
    q.done();
    return this.queries.execute(new RecommendationPageQuery(regionId, recommendationId, point));
  }
}
