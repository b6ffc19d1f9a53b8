import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { calendarDateOf } from '@app/domain';
import { AllowReaders } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { listPage } from '../shared/list-page';
import { QueryReader, type RawQuery } from '../shared/query-params';
import { ApiListPage } from '../shared/swagger';
import { COMMITTEE_STATUSES, CommitteeListQuery, type CommitteeListResult } from './committee-list.query';

class CommitteeListItemDto {
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty({ example: 'Fachgremium Übergang Schule/Beruf' }) name!: string;
  @ApiProperty({ example: 'FG Ü' }) shortName!: string;
  @ApiProperty({ enum: ['fachgremium', 'ausschuss', 'verwaltung', 'extern'] }) kind!: string;
  @ApiProperty({ type: [String] }) fieldsOfAction!: string[];
  @ApiProperty({ enum: COMMITTEE_STATUSES, description: 'active oder dissolved (aufgelöst)' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) dissolvedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null }) successorCommitteeId!: string | null;
}

class CommitteeListResultDto {
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ type: [CommitteeListItemDto] }) items!: CommitteeListItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Als cursor für die nächste Seite; null auf der letzten' }) nextCursor!: string | null;
  @ApiProperty({ example: 14, description: 'Anzahl aller passenden Gremien' }) total!: number;
}

@ApiTags('Gremien')
@Controller('regions/:regionId/committees')
export class CommitteeListHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @ApiOperation({ summary: 'Gremien der Region auflisten', description: 'Nach Namen (deutsche Sortierung). Für Auswahllisten.' })
  @ApiQuery({ name: 'status', required: false, enum: COMMITTEE_STATUSES, description: 'active oder dissolved' })
  @ApiListPage()
  @ApiOkResponse({ type: CommitteeListResultDto })
  async list(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery): Promise<CommitteeListResult> {
    const q = new QueryReader(query);
    const status = q.oneOf('status', COMMITTEE_STATUSES);
    const page = listPage(q);
    q.done();
    return this.queries.execute(new CommitteeListQuery(regionId, { asOf: calendarDateOf(this.clock()) }, status, page));
  }
}
