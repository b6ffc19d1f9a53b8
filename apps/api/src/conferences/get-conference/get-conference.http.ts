import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequiresActor } from '../../actor/actor.swagger';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { aggregateView, AggregateViewDto } from '../../command-pipeline/aggregate-view';
import { conferenceAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AllowReaders } from '../../auth/access.decorators';

@ApiTags('Bildungskonferenzen')
@Controller('regions/:regionId/conferences')
export class GetConferenceHttp {
  constructor(private readonly reader: AggregateReader) {}

  @Get(':conferenceId')
  @AllowReaders()
  @RequiresActor()
  @ApiOperation({ summary: 'Bildungskonferenz lesen (Zustand aus dem Stream, ETag = Revision)' })
  @ApiOkResponse({ type: AggregateViewDto })
  @ApiNotFoundResponse({ description: 'In dieser Bildungsregion unbekannt.' })
  async get(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('conferenceId', UuidParamPipe) conferenceId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return aggregateView(conferenceId, await this.reader.loadInRegion(conferenceAggregate, conferenceId, regionId), request, response);
  }
}
