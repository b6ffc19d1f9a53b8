import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { calendarDateOf, conferenceError, streamIdOf } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { fromRecorded, historyAt } from '@app/figures';
import { Public } from '../auth/access.decorators';
import { PublicViews } from '../auth/public-views';
import { CLOCK, type Clock } from '../command-pipeline/clock';
import { domainProblem } from '../http/domain-problem';
import { ProblemException } from '../http/problem.exception';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { EVENT_STORE } from '../infrastructure/tokens';
import { ConferenceListQuery } from '../queries/conference-list/conference-list.query';
import { RecommendationListQuery } from '../queries/recommendation-list/recommendation-list.query';
import { RecommendationPageQuery } from '../queries/recommendation-page/recommendation-page.query';
import { sendCacheable } from './cacheable';
import { publicConference, publicItem, publicRecommendation, publicTimeline } from './public-shapes';

const notPublished = () =>
  ProblemException.of(404, 'Für diese Bildungsregion gibt es keine öffentlichen Ansichten.', { code: 'public-views.not-enabled' });

/**
 * "Was wurde aus …?": the published pages of a region that switched its public views on, without
 * login. Off, unknown or not a region: the same 404, so nobody learns which regions exist.
 */
@ApiTags('Öffentlich')
@Controller('public/regions/:regionId')
@Public()
export class PublicViewsHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly publicViews: PublicViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The region's name, if it publishes. */
  private async published(regionId: string): Promise<string> {
    if (!(await this.publicViews.enabled(regionId))) throw notPublished();
    const [registered] = await this.store.readStream(streamIdOf.region(regionId), { toRevision: 0n });
    const name = (registered?.data as { name?: string } | undefined)?.name;
    if (!name) throw notPublished();
    return name;
  }

  private today() {
    return { asOf: calendarDateOf(this.clock()) };
  }

  @Get()
  @ApiOperation({ summary: 'Öffentlich: die Bildungskonferenzen der Region mit der Zahl ihrer Empfehlungen (ohne Anmeldung, falls freigeschaltet)' })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'region, conferences[]. Cache-Control: public, ETag.' })
  async region(@Param('regionId', UuidParamPipe) regionId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const name = await this.published(regionId);
    const list = await this.queries.execute(new ConferenceListQuery(regionId, this.today(), undefined, { limit: 200 }));
    sendCacheable(req, res, { regionId, region: name, asOf: this.today().asOf, conferences: list.items.map(publicConference) });
  }

  @Get('conferences/:conferenceId')
  @ApiOperation({ summary: 'Öffentlich: eine Bildungskonferenz und der Stand jeder ihrer Empfehlungen' })
  @ApiOkResponse({ description: 'region, conference, recommendations[]. Cache-Control: public, ETag.' })
  async conference(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('conferenceId', UuidParamPipe) conferenceId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const name = await this.published(regionId);
    const list = await this.queries.execute(new ConferenceListQuery(regionId, this.today(), undefined, { limit: 200 }));
    const conference = list.items.find((c) => c.conferenceId === conferenceId);
    if (!conference) throw domainProblem(conferenceError('conference.not-scheduled', { conferenceId }));
    const recommendations = await this.queries.execute(new RecommendationListQuery(regionId, this.today(), { conferenceId }, undefined));
    sendCacheable(req, res, {
      regionId,
      region: name,
      asOf: this.today().asOf,
      conference: publicConference(conference),
      recommendations: recommendations.items.map(publicItem),
    });
  }

  @Get('recommendations/:recommendationId')
  @ApiOperation({ summary: 'Öffentlich: eine Empfehlung mit Stand, Aufträgen, Wirkung und öffentlichem Verlauf (ohne Personen und interne Vermerke)' })
  @ApiOkResponse({ description: 'recommendation, assignments[], indicators[], timeline[]. Cache-Control: public, ETag.' })
  async recommendation(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const name = await this.published(regionId);
    const point = this.today();
    const page = await this.queries.execute(new RecommendationPageQuery(regionId, recommendationId, point));
    const history = historyAt((await this.store.readStream(streamIdOf.recommendation(recommendationId))).map(fromRecorded), point);
    const committees = new Map<string, string>();
    for (const a of page.assignments) committees.set(a.committeeId, a.committee);
    for (const c of page.recommendation.addressees.committees) committees.set(c.committeeId, c.name);
    const conferences = new Map<string, string>([[page.recommendation.conferenceId, page.recommendation.conference]]);
    for (const o of page.outcomeReports) conferences.set(o.conferenceId, o.conference);
    sendCacheable(req, res, publicRecommendation({ regionId, name }, page, publicTimeline(history, { committees, conferences })));
  }
}
