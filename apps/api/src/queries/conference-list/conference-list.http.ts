import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { calendarDateOf } from '@app/domain';
import { AllowReaders, PublicRead } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { listPage } from '../shared/list-page';
import { QueryReader, type RawQuery } from '../shared/query-params';
import { ApiListPage } from '../shared/swagger';
import { CONFERENCE_STATUSES, ConferenceListQuery, type ConferenceListResult } from './conference-list.query';

class ConferenceListItemDto {
  @ApiProperty({ format: 'uuid' }) conferenceId!: string;
  @ApiProperty({ example: 9 }) number!: number;
  @ApiProperty({ enum: ['bildungskonferenz', 'tag_der_bildung'] }) kind!: string;
  @ApiProperty({ example: '9. Bildungskonferenz' }) label!: string;
  @ApiProperty({ example: 'Übergänge gestalten' }) title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) motto!: string | null;
  @ApiProperty({ example: '2026-11-20', description: 'Geplanter Tag (nach einer Verlegung der neue)' }) date!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) heldOn!: string | null;
  @ApiProperty({ enum: CONFERENCE_STATUSES, description: 'planned: noch nicht abgehalten; held: abgehalten' }) status!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ example: 0, description: 'Bisher beschlossene Empfehlungen (eine geplante Konferenz erscheint auch ohne)' }) recommendationCount!: number;
}

class ConferenceListResultDto {
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ type: [ConferenceListItemDto] }) items!: ConferenceListItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Als cursor für die nächste Seite; null auf der letzten' }) nextCursor!: string | null;
  @ApiProperty({ example: 10, description: 'Anzahl aller passenden Konferenzen' }) total!: number;
}

@ApiTags('Bildungskonferenzen')
@Controller('regions/:regionId/conferences')
export class ConferenceListHttp {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowReaders()
  @PublicRead()
  @ApiOperation({ summary: 'Bildungskonferenzen der Region auflisten', description: 'Nach Datum und Nummer; geplante auch ohne Empfehlungen. Für Auswahllisten.' })
  @ApiQuery({ name: 'status', required: false, enum: CONFERENCE_STATUSES, description: 'planned oder held' })
  @ApiListPage()
  @ApiOkResponse({ type: ConferenceListResultDto })
  async list(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery): Promise<ConferenceListResult> {
    const q = new QueryReader(query);
    const status = q.oneOf('status', CONFERENCE_STATUSES);
    const page = listPage(q);
    q.done();
    return this.queries.execute(new ConferenceListQuery(regionId, { asOf: calendarDateOf(this.clock()) }, status, page));
  }
}
