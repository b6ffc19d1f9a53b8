import { Module } from '@nestjs/common';
import { InlineProjectorService } from './inline-projector.service';
import { ProjectorLagService } from './projector-lag.service';

/**
 * The projector inside the API (PROJECTOR=inline) and its lag: `ProjectorLagService` for the
 * readiness check and the metrics (observability/). Needs the global PG_POOL, EVENT_STORE and APP_CONFIG.
 */
@Module({
  providers: [InlineProjectorService, ProjectorLagService],
  exports: [ProjectorLagService, InlineProjectorService],
})
export class ProjectionsModule {}
