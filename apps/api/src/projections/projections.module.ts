import { Module } from '@nestjs/common';
import { InlineProjectorService } from './inline-projector.service';
import { MetricsController } from './metrics.controller';
import { ProjectorLagService } from './projector-lag.service';

/**
 * The projector inside the API (PROJECTOR=inline) and its lag: GET /api/metrics, and
 * `ProjectorLagService` for the readiness check. Needs the global PG_POOL, EVENT_STORE and APP_CONFIG.
 */
@Module({
  controllers: [MetricsController],
  providers: [InlineProjectorService, ProjectorLagService],
  exports: [ProjectorLagService, InlineProjectorService],
})
export class ProjectionsModule {}
