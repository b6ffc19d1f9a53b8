import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequiresActor } from '../../actor/actor.swagger';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { aggregateView, AggregateViewDto } from '../../command-pipeline/aggregate-view';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AllowReaders } from '../../auth/access.decorators';

@ApiTags('Empfehlungen')
@Controller('regions/:regionId/recommendations')
export class GetRecommendationHttp {
  constructor(private readonly reader: AggregateReader) {}

  @Get(':recommendationId')
  @AllowReaders()
  @RequiresActor()
  @ApiOperation({ summary: 'Empfehlung lesen (Zustand aus dem Stream, ETag = Revision)' })
  @ApiOkResponse({ type: AggregateViewDto })
  @ApiNotFoundResponse({ description: 'In dieser Bildungsregion unbekannt.' })
  async get(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return aggregateView(recommendationId, await this.reader.loadInRegion(recommendationAggregate, recommendationId, regionId), request, response);
  }
}
