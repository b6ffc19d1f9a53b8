import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequiresActor } from '../../actor/actor.swagger';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { aggregateView, AggregateViewDto } from '../../command-pipeline/aggregate-view';
import { regionAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AllowReaders } from '../../auth/access.decorators';

@ApiTags('Bildungsregionen')
@Controller('regions')
export class GetRegionHttp {
  constructor(private readonly reader: AggregateReader) {}

  @Get(':regionId')
  @AllowReaders()
  @RequiresActor()
  @ApiOperation({ summary: 'Bildungsregion lesen (Zustand aus dem Stream, ETag = Revision)' })
  @ApiOkResponse({ type: AggregateViewDto })
  @ApiNotFoundResponse({ description: 'Unbekannte Bildungsregion.' })
  async get(@Param('regionId', UuidParamPipe) regionId: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const loaded = await this.reader.loadInRegion(regionAggregate, regionId, regionId);
    return aggregateView(regionId, loaded, request, response);
  }
}
