import { applyDecorators, Controller, Get, Header, Inject, Param, Post, Req, Res, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { calendarDateOf } from '@app/domain';
import type { AppConfig } from '@app/config';
import { DEFAULT_REMINDER_PARAMS, type RecommendationFacts } from '@app/figures';
import { factsAsOf, READ_MODEL_SCHEMA } from '@app/read-models';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { committeeAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { ProblemException } from '../../http/problem.exception';
import { ACCESS_RULE, Public } from '../../auth/access.decorators';
import type { AccessRule } from '../../auth/access-rule';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal } from '../../auth/request-context';
import { APP_CONFIG, PG_POOL } from '../../infrastructure/tokens';
import { CalendarFeeds } from './calendar-feeds';
import { committeeCalendar, icsOf } from './committee-calendar';

/** The office for any committee, a member for its own. */
const OfficeOrOwnCommittee = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'roles', roles: ['office', 'committee'], publicRead: false, regionRequired: true, committeeField: 'committeeId' } satisfies AccessRule),
    ApiBearerAuth(),
  );

const notFound = () => ProblemException.of(404, 'Diesen Kalender gibt es nicht (mehr). Die Adresse wurde vielleicht erneuert.', { code: 'calendar.unknown' });

@ApiTags('Erinnerungen')
@Controller()
export class CalendarController {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly reader: AggregateReader,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('regions/:regionId/committees/:committeeId/calendar-feed')
  @OfficeOrOwnCommittee()
  @ApiOperation({ summary: 'Kalender-Adresse des Gremiums (iCalendar) neu erzeugen; die bisherige gilt danach nicht mehr' })
  @ApiOkResponse({ description: '{ url }: zum Abonnieren in Outlook oder Thunderbird; geheim halten.' })
  async renew(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<{ url: string }> {
    await this.reader.loadInRegion(committeeAggregate, committeeId, regionId);
    const token = await this.feeds.renew(regionId, committeeId, principal.userId);
    return { url: `${this.publicUrl(request)}/api/calendar/${token}.ics` };
  }

  @Get('calendar/:file')
  @Public()
  @ApiOperation({ summary: 'Fristen eines Gremiums als iCalendar (ohne Anmeldung, geschützt durch die geheime Adresse)' })
  @ApiProduces('text/calendar')
  @Header('Cache-Control', 'no-store')
  async feed(@Param('file') file: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const found = await this.feeds.committeeOf(file.replace(/\.ics$/, ''));
    if (!found) throw notFound();
    const today = calendarDateOf(new Date());
    const { rows } = await this.pool.query<{ facts: RecommendationFacts }>(
      `SELECT facts FROM "${READ_MODEL_SCHEMA}".recommendation_facts WHERE region_id = $1 ORDER BY recommendation_id`,
      [found.regionId],
    );
    const { rows: names } = await this.pool.query<{ name: string }>(`SELECT name FROM "${READ_MODEL_SCHEMA}".committees WHERE committee_id = $1`, [found.committeeId]);
    const facts = rows.map((r) => factsAsOf(r.facts, today));
    const entries = committeeCalendar(found.committeeId, facts, this.publicUrl(request), { ...DEFAULT_REMINDER_PARAMS, daysBefore: this.config.REMINDER_DAYS_BEFORE });
    response.type('text/calendar; charset=utf-8');
    return icsOf(`Fristen – ${names[0]?.name ?? 'Gremium'}`, entries);
  }

  /** PUBLIC_URL; without it the address the caller reached the API at (a trial on one machine needs no setting). */
  private publicUrl(request: Request): string {
    return (this.config.PUBLIC_URL ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`).replace(/\/$/, '');
  }
}
