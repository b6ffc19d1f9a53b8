import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { FollowTarget } from '@app/figures';
import { READ_MODEL_SCHEMA } from '@app/read-models';
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

/** The followed thing must exist in the region (404 otherwise, like every id of another region). */
const inRegion = (reader: AggregateReader, type: FollowTarget, id: string, regionId: string): Promise<unknown> => {
  switch (type) {
    case 'recommendation': return reader.loadInRegion(recommendationAggregate, id, regionId);
    case 'committee': return reader.loadInRegion(committeeAggregate, id, regionId);
    case 'conference': return reader.loadInRegion(conferenceAggregate, id, regionId);
  }
};
const S = `"${READ_MODEL_SCHEMA}"`;

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
    const names = await this.namesOf(rows);
    return { subscriptions: rows.map((r) => viewOf(r, names.get(`${r.targetType}:${r.targetId}`))) };
  }

  @Post()
  @AllowReaders()
  @ApiOperation({ summary: 'Folgen: eine Mail bei jeder Änderung oder eine tägliche Zusammenfassung; wer schon folgt, ändert so die Art' })
  @ApiCreatedResponse({ type: SubscriptionView })
  async follow(@Param('regionId', UuidParamPipe) regionId: string, @Body() body: FollowDto, @CurrentPrincipal() principal: Principal): Promise<SubscriptionView> {
    const targetId = body.targetId.toLowerCase();
    await inRegion(this.reader, body.targetType, targetId, regionId);
    const { rows } = await this.pool.query(`SELECT 1 FROM auth.accounts WHERE id::text = $1 AND disabled_at IS NULL`, [principal.userId]);
    if (rows.length === 0) {
      throw ProblemException.of(409, 'Für dieses Konto ist im Empfehlungsradar keine E-Mail-Adresse hinterlegt (Anmeldung über einen Identitätsanbieter). Bitte das Regionale Bildungsbüro um ein Konto mit E-Mail-Adresse.', { code: 'subscription.no-address' });
    }
    const { row } = await this.store.follow({ subscriptionId: randomUUID(), regionId, userId: principal.userId, targetType: body.targetType, targetId, mode: body.mode });
    const names = await this.namesOf([row]);
    return viewOf(row, names.get(`${row.targetType}:${row.targetId}`));
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

  /** Names as the read models hold them now, by `type:id`. */
  private async namesOf(rows: readonly SubscriptionRow[]): Promise<Map<string, string>> {
    const ids = (type: FollowTarget) => rows.filter((r) => r.targetType === type).map((r) => r.targetId);
    const { rows: found } = await this.pool.query<{ key: string; name: string }>(
      `SELECT 'recommendation:' || recommendation_id AS key, (facts->>'reference') || ' ' || (facts->>'title') AS name FROM ${S}.recommendation_facts WHERE recommendation_id = ANY($1)
       UNION ALL SELECT 'committee:' || committee_id, name FROM ${S}.committees WHERE committee_id = ANY($2)
       UNION ALL SELECT 'conference:' || conference_id, label FROM ${S}.conferences WHERE conference_id = ANY($3)`,
      [ids('recommendation'), ids('committee'), ids('conference')],
    );
    return new Map(found.map((r) => [r.key, r.name]));
  }
}

function viewOf(r: SubscriptionRow, name: string | undefined): SubscriptionView {
  const fallback = { recommendation: 'Empfehlung', committee: 'Gremium', conference: 'Bildungskonferenz' }[r.targetType];
  return { subscriptionId: r.subscriptionId, targetType: r.targetType, targetId: r.targetId, targetName: name ?? fallback, mode: r.mode, createdAt: r.createdAt.toISOString() };
}
