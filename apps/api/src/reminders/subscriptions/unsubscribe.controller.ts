import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import type { RecommendationFacts } from '@app/figures';
import { loadDirectory, READ_MODEL_SCHEMA } from '@app/read-models';
import { Public } from '../../auth/access.decorators';
import { LOCAL_TOKEN_KEY } from '../../auth/auth.tokens';
import type { LocalTokenKey } from '../../auth/local-tokens';
import { PG_POOL } from '../../infrastructure/tokens';
import { ProblemException } from '../../http/problem.exception';
import { followedLabel } from './follow-pass';
import { SubscriptionStore } from './subscription-store';
import { confirmPage, donePage, refusedPage } from './unsubscribe-page';
import { checkUnsubscribeToken, unsubscribeKey } from './unsubscribe-token';

/**
 * The link in every subscription mail, without login: the token opens its one subscription
 * (unsubscribe-token.ts). GET only asks; POST ends it, from the page's button or a mail program's
 * one-click (RFC 8058, body `List-Unsubscribe=One-Click`, which is not read). A broken or forged
 * token: 400 or 403 and nothing written, as a German page for a browser and problem+json for any
 * other client. Ending twice is no error (a second click).
 */
@ApiTags('Erinnerungen')
@Controller('unsubscribe/:token')
export class UnsubscribeController {
  private readonly key: Buffer;

  constructor(
    private readonly store: SubscriptionStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOCAL_TOKEN_KEY) tokenKey: LocalTokenKey,
  ) {
    this.key = unsubscribeKey(tokenKey.secret);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Abbestellen ohne Anmeldung, Schritt 1: zeigt, was abbestellt würde (ändert nichts)' })
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'Seite mit dem Knopf „Jetzt abbestellen“' })
  @ApiResponse({ status: 400, description: 'Link unvollständig' })
  @ApiResponse({ status: 403, description: 'Link gefälscht oder für ein anderes Abonnement verändert' })
  async ask(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const check = checkUnsubscribeToken(this.key, token);
    if (!check.ok) return refuse(req, res, check.reason);
    const row = await this.store.byId(check.subscriptionId);
    if (!row) return void send(res, 200, donePage(undefined));
    send(res, 200, confirmPage(await this.label(row), row.mode));
  }

  @Post()
  @Public()
  @ApiOperation({ summary: 'Abbestellen ohne Anmeldung, Schritt 2 (auch One-Click nach RFC 8058)' })
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'Abbestellt (oder war es schon)' })
  @ApiResponse({ status: 400, description: 'Link unvollständig; nichts geändert' })
  @ApiResponse({ status: 403, description: 'Link gefälscht oder verändert; nichts geändert' })
  async confirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const check = checkUnsubscribeToken(this.key, token);
    if (!check.ok) return refuse(req, res, check.reason);
    const row = await this.store.byId(check.subscriptionId);
    const what = row ? await this.label(row) : undefined;
    const ended = row ? await this.store.end(row.subscriptionId) : false;
    send(res, 200, donePage(ended ? what : undefined));
  }

  private async label(row: { targetType: 'recommendation' | 'committee' | 'conference'; targetId: string }): Promise<string> {
    const directory = await loadDirectory(this.pool, READ_MODEL_SCHEMA);
    const { rows } = await this.pool.query<{ recommendation_id: string; facts: RecommendationFacts }>(
      `SELECT recommendation_id, facts FROM "${READ_MODEL_SCHEMA}".recommendation_facts WHERE recommendation_id = $1`, [row.targetId],
    );
    return followedLabel(row, { directory, recommendations: new Map(rows.map((r) => [r.recommendation_id, r.facts])) });
  }
}

function refuse(req: Request, res: Response, reason: 'malformed' | 'forged'): void {
  const status = reason === 'malformed' ? 400 : 403;
  if (req.accepts(['application/problem+json', 'application/json', 'text/html']) === 'text/html') return send(res, status, refusedPage(reason));
  throw ProblemException.of(status, reason === 'malformed' ? 'Der Abbestell-Link ist unvollständig.' : 'Der Abbestell-Link ist nicht gültig; es wurde nichts geändert.', { code: `unsubscribe.${reason}` });
}

function send(res: Response, status: number, html: string): void {
  // The page is about one person's subscription: not cached, not indexed.
  res.status(status).set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }).type('html').send(html);
}
