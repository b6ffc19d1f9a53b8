import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { conferenceLabel, type FollowTarget } from '@app/figures';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { committeeAggregate, conferenceAggregate, recommendationAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { ProblemException } from '../../http/problem.exception';
import { AllowReaders } from '../../auth/access.decorators';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal } from '../../auth/request-context';
import { PG_POOL } from '../../infrastructure/tokens';
import { SubscriptionStore, type SubscriptionRow } from './subscription-store';
import { FollowDto, SubscriptionListView, SubscriptionView } from './subscriptions.dto';

/**
 * The followed thing must exist in the region (404 otherwise, like every id of another region);
 * its name as it stands now, from its own stream (the read models may lag or be switched off).
 */
async function nameInRegion(reader: AggregateReader, type: FollowTarget, id: string, regionId: string): Promise<string> {
  switch (type) {
    case 'recommendation': {
      const { state, events } = await reader.loadInRegion(recommendationAggregate, id, regionId);
      const reference = (events[0]?.data as { reference?: string } | undefined)?.reference ?? '';
      return state.status === 'adopted' ? `${reference} ${state.title}`.trim() : reference;
    }
    case 'committee': {
      const { state } = await reader.loadInRegion(committeeAggregate, id, regionId);
      return state.status === 'unregistered' ? 'Gremium' : state.name;
    }
    case 'conference': {
      const { state } = await reader.loadInRegion(conferenceAggregate, id, regionId);
      return state.status === 'unscheduled' ? 'Bildungskonferenz' : conferenceLabel(state.number, state.kind);
    }
  }
}

/**
 * Following a recommendation, a committee or a conference by mail (docs/reminders.md). Every
 * account of the region may follow; each sees and ends only its own subscriptions.
 */
@ApiTags('Erinnerungen')
@Controller('regions/:regionId/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly store: SubscriptionStore,
    private readonly reader: AggregateReader,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get()
  @AllowReaders()
  @ApiOperation({ summary: 'Meine Abonnements in dieser Bildungsregion' })
  @ApiOkResponse({ type: SubscriptionListView })
  async list(@Param('regionId', UuidParamPipe) regionId: string, @CurrentPrincipal() principal: Principal): Promise<SubscriptionListView> {
    const rows = await this.store.ofUser(regionId, principal.userId);
    const views: SubscriptionView[] = [];
    for (const r of rows) views.push(viewOf(r, await nameInRegion(this.reader, r.targetType, r.targetId, regionId)));
    return { subscriptions: views };
  }

  @Post()
  @AllowReaders()
  @ApiOperation({ summary: 'Folgen: eine Mail bei jeder Änderung oder eine tägliche Zusammenfassung; wer schon folgt, ändert so die Art' })
  @ApiCreatedResponse({ type: SubscriptionView })
  async follow(@Param('regionId', UuidParamPipe) regionId: string, @Body() body: FollowDto, @CurrentPrincipal() principal: Principal): Promise<SubscriptionView> {
    const targetId = body.targetId.toLowerCase();
    const name = await nameInRegion(this.reader, body.targetType, targetId, regionId);
    const { rows } = await this.pool.query(`SELECT 1 FROM auth.accounts WHERE id::text = $1 AND disabled_at IS NULL`, [principal.userId]);
    if (rows.length === 0) {
      throw ProblemException.of(409, 'Für dieses Konto ist im Empfehlungsradar keine E-Mail-Adresse hinterlegt (Anmeldung über einen Identitätsanbieter). Bitte das Regionale Bildungsbüro um ein Konto mit E-Mail-Adresse.', { code: 'subscription.no-address' });
    }
    const { row } = await this.store.follow({ subscriptionId: randomUUID(), regionId, userId: principal.userId, targetType: body.targetType, targetId, mode: body.mode });
    return viewOf(row, name);
  }

  @Delete(':subscriptionId')
  @AllowReaders()
  @HttpCode(204)
  @ApiOperation({ summary: 'Abbestellen (nur eigene Abonnements); noch nicht versandte Mails entfallen' })
  @ApiNoContentResponse({ description: 'Abbestellt.' })
  async end(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('subscriptionId', UuidParamPipe) subscriptionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    const row = await this.store.byId(subscriptionId);
    // Another person's subscription is as unknown as one that never existed.
    if (!row || row.regionId !== regionId || row.userId !== principal.userId) {
      throw ProblemException.of(404, 'Dieses Abonnement gibt es nicht (mehr).', { code: 'subscription.unknown' });
    }
    await this.store.end(subscriptionId);
  }
}

function viewOf(r: SubscriptionRow, name: string): SubscriptionView {
  return { subscriptionId: r.subscriptionId, targetType: r.targetType, targetId: r.targetId, targetName: name, mode: r.mode, createdAt: r.createdAt.toISOString() };
}
