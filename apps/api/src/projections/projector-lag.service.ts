import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { projectorLag, type ProjectorLag } from '@app/read-models';
import { EVENT_STORE, PG_POOL } from '../infrastructure/tokens';

/** Above this many events behind the log, the read models are not ready to serve (GET /api/health/ready). */
export const READY_MAX_LAG_EVENTS = 1000;
/** Health checks and scrapes may come often; the count is cached this long. */
const CACHE_MS = 1000;

/**
 * Lag of the read models behind the event log, from the stored checkpoint, so it is right whether
 * the projector runs inline or as its own process.
 */
@Injectable()
export class ProjectorLagService {
  private cached?: { at: number; lag: Promise<ProjectorLag> };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  lag(): Promise<ProjectorLag> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      const lag = projectorLag(this.store, this.pool);
      this.cached = { at: now, lag };
      lag.catch(() => (this.cached = undefined));
    }
    return this.cached.lag;
  }

  /** For the readiness check: up while at most `maxEvents` behind. */
  async ready(maxEvents = READY_MAX_LAG_EVENTS): Promise<{ ready: boolean; lagEvents: number; capped: boolean; position: string | null }> {
    const lag = await this.lag();
    return { ready: lag.events <= maxEvents, lagEvents: lag.events, capped: lag.capped, position: lag.position?.toString() ?? null };
  }
}
