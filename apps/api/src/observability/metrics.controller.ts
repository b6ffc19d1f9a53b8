import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@app/config';
import { Public } from '../auth/access.decorators';
import { ProblemException } from '../http/problem.exception';
import { APP_CONFIG } from '../infrastructure/tokens';
import { AppMetrics } from './metrics';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Prometheus exposition (prom-client). Not for the public and not for the roles: only a scraper
 * that sends `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN nobody reads it.
 */
@Public()
@ApiTags('Betrieb')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: AppMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Betriebskennzahlen im Prometheus-Textformat; nur mit dem Bearer-Token aus METRICS_TOKEN' })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    const sent = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (sent === undefined) {
      throw ProblemException.of(401, 'Die Betriebskennzahlen liest nur der Abrufdienst mit dem Token aus METRICS_TOKEN.', { code: 'metrics.token-required' });
    }
    const expected = this.config.METRICS_TOKEN;
    if (expected === undefined || !timingSafeEqual(digest(sent), digest(expected))) {
      throw ProblemException.of(403, 'Dieses Token öffnet die Betriebskennzahlen nicht.', { code: 'metrics.token-invalid' });
    }
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    return this.metrics.registry.metrics();
  }
}
