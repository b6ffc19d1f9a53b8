import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { ProblemException } from '../http/problem.exception';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { listPage, listQueryOf } from './list-page';
import {
  agendaOf,
  CONFERENCE_ORG,
  renderAgendaItem,
  renderBody,
  renderCommittee,
  renderConsultation,
  renderFile,
  renderMeeting,
  renderNetworkBodies,
  renderPaper,
  renderSystem,
  STEERING_ORG,
  urlsOf,
  type OParlObject,
} from './model/render';
import type { OParlModel } from './model/oparl-model';
import { OPARL_PATH } from './oparl-address';
import { OParlErrorFilter } from './oparl-error.filter';
import { OParlSource } from './oparl-source';

const LISTS = ['organizations', 'meetings', 'agenda-items', 'papers', 'consultations', 'files', 'people', 'locations', 'legislative-terms', 'memberships'] as const;
type ListName = (typeof LISTS)[number];

const notFound = () => ProblemException.of(404, 'Dieses OParl-Objekt gibt es in dieser Körperschaft nicht.', { code: 'oparl.not-found' });

/** Absolute URLs from the request's own origin, so ids are the addresses clients used. */
const baseOf = (req: Request) => `${req.protocol}://${req.get('host')}${OPARL_PATH}`;

/** OParl answers are public data for any client (spec 2.6: CORS for everyone). */
function send(res: Response, body: unknown): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.type('application/json').send(JSON.stringify(body));
}

/**
 * OParl 1.1, read-only, for the regions that switched their public views on: the region is the
 * Body, the Bildungskonferenz, the Lenkungskreis and the committees are Organizations, conferences
 * Meetings with one AgendaItem per adopted recommendation, recommendations Papers ("Empfehlung"),
 * hand-offs Consultations, and the evidence of status reports Files. No actor, account, contact,
 * reason or note leaves the server here. docs/oparl.md has the mapping.
 */
@ApiTags('OParl 1.1')
@Controller('oparl/v1')
@Public()
@UseFilters(OParlErrorFilter)
export class OParlHttp {
  constructor(private readonly source: OParlSource) {}

  @Get('system')
  @ApiOperation({ summary: 'OParl: System (Einstieg)' })
  @ApiOkResponse({ description: 'oparl:System' })
  async system(@Req() req: Request, @Res() res: Response) {
    const regions = await this.source.publishedRegions();
    const models = await this.publishedModels(regions);
    send(res, renderSystem(urlsOf(baseOf(req), ''), models.map((m) => m.region)));
  }

  @Get('bodies')
  @ApiOperation({ summary: 'OParl: Liste der Körperschaften (Bildungsregionen mit öffentlichen Ansichten)' })
  async bodies(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const list = listQueryOf(query);
    const models = await this.publishedModels(await this.source.publishedRegions());
    send(res, listPage(models.map((m) => renderBody(urlsOf(baseOf(req), m.regionId), m)), list, `${baseOf(req)}/bodies`));
  }

  @Get('bodies/:body')
  @ApiOperation({ summary: 'OParl: Körperschaft (Bildungsregion)' })
  async body(@Param('body', UuidParamPipe) regionId: string, @Req() req: Request, @Res() res: Response) {
    const model = await this.source.model(regionId);
    send(res, renderBody(urlsOf(baseOf(req), regionId), model));
  }

  @Get('bodies/:body/:list')
  @ApiOperation({ summary: `OParl: externe Objektliste (${LISTS.join(', ')}) mit Filtern created_since, created_until, modified_since, modified_until, Seiten (page, limit) und omit_internal` })
  async list(
    @Param('body', UuidParamPipe) regionId: string,
    @Param('list') name: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (!(LISTS as readonly string[]).includes(name)) throw notFound();
    const list = listQueryOf(query);
    const model = await this.source.model(regionId);
    const urls = urlsOf(baseOf(req), regionId);
    send(res, listPage(this.objects(model, name as ListName, urls, list.omitInternal), list, urls.list(name)));
  }

  @Get('bodies/:body/:list/:id')
  @ApiOperation({ summary: 'OParl: ein Objekt (Organization, Meeting, AgendaItem, Paper, Consultation, File); zurückgezogene mit deleted: true' })
  async object(
    @Param('body', UuidParamPipe) regionId: string,
    @Param('list') name: string,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (!(LISTS as readonly string[]).includes(name) || id.length > 120) throw notFound();
    const model = await this.source.model(regionId);
    const urls = urlsOf(baseOf(req), regionId);
    const found = this.single(model, name as ListName, id, urls);
    if (!found) throw notFound();
    send(res, found);
  }

  private async publishedModels(regions: string[]): Promise<OParlModel[]> {
    const models: OParlModel[] = [];
    for (const regionId of regions) {
      try {
        models.push(await this.source.model(regionId));
      } catch (error) {
        // A switched-on region that is not (or no longer) registered is no body.
        if (!(error instanceof ProblemException && error.problem.status === 404)) throw error;
      }
    }
    return models;
  }

  private objects(model: OParlModel, name: ListName, urls: ReturnType<typeof urlsOf>, omitInternal: boolean): OParlObject[] {
    switch (name) {
      case 'organizations':
        return [...renderNetworkBodies(urls, model), ...model.committees.map((c) => renderCommittee(urls, c))];
      case 'meetings': {
        const agenda = agendaOf(model);
        return model.conferences.map((c) => renderMeeting(urls, c, agenda.get(c.id) ?? [], { omitInternal }));
      }
      case 'agenda-items': {
        const agenda = agendaOf(model);
        return model.conferences.flatMap((c) => (agenda.get(c.id) ?? []).map((r, i) => renderAgendaItem(urls, c, r, i + 1, true)));
      }
      case 'papers':
        return model.recommendations.map((r) => renderPaper(urls, r, { omitInternal }));
      case 'consultations':
        return model.recommendations.flatMap((r) => r.handOffs.map((h) => renderConsultation(urls, h, true)));
      case 'files':
        return model.recommendations.flatMap((r) => r.evidence.map((f) => renderFile(urls, f)));
      case 'people':
      case 'locations':
      case 'legislative-terms':
      case 'memberships':
        // The network publishes no persons (no personal data), places, terms or memberships.
        return [];
      default: {
        const _exhaustive: never = name;
        return _exhaustive;
      }
    }
  }

  private single(model: OParlModel, name: ListName, id: string, urls: ReturnType<typeof urlsOf>): OParlObject | undefined {
    if (name === 'organizations' && (id === CONFERENCE_ORG || id === STEERING_ORG)) return renderNetworkBodies(urls, model).find((o) => o.id === urls.organization(id));
    if (name === 'organizations') {
      const c = model.committees.find((x) => x.id === id);
      return c && renderCommittee(urls, c);
    }
    if (name === 'meetings') {
      const c = model.conferences.find((x) => x.id === id);
      return c && renderMeeting(urls, c, agendaOf(model).get(c.id) ?? [], { omitInternal: false });
    }
    if (name === 'agenda-items') {
      const r = model.recommendations.find((x) => x.id === id);
      const c = r && model.conferences.find((x) => x.id === r.conferenceId);
      const order = r && c ? (agendaOf(model).get(c.id) ?? []).indexOf(r) + 1 : 0;
      return r && c ? renderAgendaItem(urls, c, r, order, true) : undefined;
    }
    if (name === 'papers') {
      const r = model.recommendations.find((x) => x.id === id);
      return r && renderPaper(urls, r, { omitInternal: false });
    }
    if (name === 'consultations') {
      const h = model.recommendations.flatMap((r) => r.handOffs).find((x) => x.id === id);
      return h && renderConsultation(urls, h, true);
    }
    if (name === 'files') {
      const f = model.recommendations.flatMap((r) => r.evidence).find((x) => x.id === id);
      return f && renderFile(urls, f);
    }
    return undefined;
  }
}
