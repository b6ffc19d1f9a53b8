import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequiresActor } from '../../actor/actor.swagger';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { aggregateView, AggregateViewDto } from '../../command-pipeline/aggregate-view';
import { committeeAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AllowReaders } from '../../auth/access.decorators';

@ApiTags('Gremien')
@Controller('regions/:regionId/committees')
export class GetCommitteeHttp {
  constructor(private readonly reader: AggregateReader) {}

  @Get(':committeeId')
  @AllowReaders()
  @RequiresActor()
  @ApiOperation({ summary: 'Gremium lesen (Zustand aus dem Stream, ETag = Revision)' })
  @ApiOkResponse({ type: AggregateViewDto })
  @ApiNotFoundResponse({ description: 'In dieser Bildungsregion unbekannt.' })
  async get(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return aggregateView(committeeId, await this.reader.loadInRegion(committeeAggregate, committeeId, regionId), request, response);
  }
}
