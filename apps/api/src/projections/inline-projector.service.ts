import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { startProjector, type ProjectorStatus, type RunningProjector } from '@app/read-models';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../infrastructure/tokens';

/**
 * Runs the projector inside the API when PROJECTOR=inline (the default); with PROJECTOR=off the
 * separate process (`node dist/apps/projector/src/main.js`) does it. Started after bootstrap, so
 * the read-model migrations (run by TypeORM at start) are in place; a failed batch retries itself.
 */
@Injectable()
export class InlineProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projektor');
  private projector?: RunningProjector;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.PROJECTOR !== 'inline') {
      this.logger.log('PROJECTOR=off: die Lesemodelle schreibt der eigene Projektor-Prozess');
      return;
    }
    this.projector = startProjector({ store: this.store, pool: this.pool, log: (line) => this.logger.warn(line) });
    void this.projector.caughtUp.then(() => this.logger.log(`Lesemodelle auf dem Stand des Ereignisprotokolls (Position ${this.projector?.status().position ?? '–'})`));
  }

  /** Undefined when the projector runs in its own process. */
  status(): ProjectorStatus | undefined {
    return this.projector?.status();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector?.stop();
  }
}
