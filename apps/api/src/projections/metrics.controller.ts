import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { InlineProjectorService } from './inline-projector.service';
import { ProjectorLagService } from './projector-lag.service';

/** Prometheus text exposition (format 0.0.4): enough for a scraper, no client library needed. */
@Public()
@ApiTags('Betrieb')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly lag: ProjectorLagService,
    private readonly inline: InlineProjectorService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Betriebskennzahlen im Prometheus-Textformat (Rückstand des Projektors)' })
  async metrics(): Promise<string> {
    const lag = await this.lag.lag();
    const lines = [
      '# HELP projector_lag_events Events in the log not yet applied to the read models (counted up to a cap).',
      '# TYPE projector_lag_events gauge',
      `projector_lag_events ${lag.events}`,
      '# HELP projector_position Event store position of the last event applied to the read models (-1: none).',
      '# TYPE projector_position gauge',
      `projector_position ${lag.position?.toString() ?? -1}`,
      '# HELP event_store_head_position Event store position of the newest event (-1: empty log).',
      '# TYPE event_store_head_position gauge',
      `event_store_head_position ${lag.head?.toString() ?? -1}`,
    ];
    const status = this.inline.status();
    if (status) {
      lines.push(
        '# HELP projector_events_applied_total Events applied to the read models, exactly once each.',
        '# TYPE projector_events_applied_total counter',
        `projector_events_applied_total ${status.events.toString()}`,
        '# HELP projector_restarts_total Times the inline projector started again from its checkpoint after a failure.',
        '# TYPE projector_restarts_total counter',
        `projector_restarts_total ${status.restarts}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
