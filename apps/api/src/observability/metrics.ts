import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE, PG_POOL } from '../infrastructure/tokens';
import { InlineProjectorService } from '../projections/inline-projector.service';
import { ProjectorLagService } from '../projections/projector-lag.service';

/** A pool the metrics can look into: pg's Pool, or the PostgreSQL event store's (EventStoreDB has none). */
type Connections = () => { total: number; idle: number; waiting: number };

type CommandOutcome = 'written' | 'replayed' | 'conflict' | 'precondition_failed' | 'refused' | 'error';

/**
 * The API's Prometheus metrics (prom-client), in a registry of its own per application, so two
 * applications in one process (the tests) do not share counters. Served by GET /api/metrics.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();

  private readonly http = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to the end of the answer, per route (the route pattern, not the path).',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly commands = new Counter({
    name: 'commands_total',
    help: 'Commands answered, by outcome: written, replayed (Idempotency-Key), conflict (409), precondition_failed (412), refused (other 4xx), error (5xx).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  private readonly appends = new Counter({
    name: 'event_store_appends_total',
    help: 'Appends by commands (one durable commit each).',
    registers: [this.registry],
  });

  private readonly appendedEvents = new Counter({
    name: 'event_store_appended_events_total',
    help: 'Events written by commands.',
    registers: [this.registry],
  });

  constructor(
    private readonly lag: ProjectorLagService,
    private readonly inline: InlineProjectorService,
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const lagService = this.lag;
    const inlineProjector = this.inline;
    new Gauge({
      name: 'projector_lag_events',
      help: 'Events in the log not yet applied to the read models (counted up to a cap).',
      registers: [this.registry],
      async collect() {
        this.set((await lagService.lag()).events);
      },
    });
    new Gauge({
      name: 'projector_position',
      help: 'Event store position of the last event applied to the read models (-1: none).',
      registers: [this.registry],
      async collect() {
        this.set(Number((await lagService.lag()).position ?? -1n));
      },
    });
    new Gauge({
      name: 'event_store_head_position',
      help: 'Event store position of the newest event (-1: empty log).',
      registers: [this.registry],
      async collect() {
        this.set(Number((await lagService.lag()).head ?? -1n));
      },
    });
    // Throughput: counters a scraper takes rate() of; only where the projector runs in this process.
    for (const [name, help, read] of [
      ['projector_events_applied_total', 'Events applied to the read models by the inline projector, exactly once each.', () => Number(inlineProjector.status()?.events ?? 0n)],
      ['projector_batches_total', 'Batches (one transaction each) the inline projector committed.', () => inlineProjector.status()?.batches ?? 0],
      ['projector_restarts_total', 'Times the inline projector started again from its checkpoint after a failure.', () => inlineProjector.status()?.restarts ?? 0],
    ] as const) {
      let seen = 0;
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          const now = read();
          // A restart from the stored checkpoint may report a lower count: count only what is new.
          if (now > seen) this.inc(now - seen);
          seen = Math.max(seen, now);
        },
      });
    }
    const storeConnections = (store as { connections?: Connections }).connections;
    const pools: Array<[string, Connections | undefined]> = [
      ['read_models', () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount })],
      ['event_store', storeConnections?.bind(store)],
    ];
    new Gauge({
      name: 'db_pool_clients',
      help: 'Connections of each pool: total, idle, and requests waiting for one (pool waits).',
      labelNames: ['pool', 'state'],
      registers: [this.registry],
      collect() {
        for (const [name, connections] of pools) {
          if (!connections) continue;
          const now = connections();
          this.set({ pool: name, state: 'total' }, now.total);
          this.set({ pool: name, state: 'idle' }, now.idle);
          this.set({ pool: name, state: 'waiting' }, now.waiting);
        }
      },
    });
  }

  /** Express middleware: the latency histogram per route, and commands by outcome. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pattern = (request.route as { path?: string } | undefined)?.path;
      const route = pattern ? `${request.baseUrl}${pattern}` : 'unmatched';
      this.http.observe({ method: request.method, route, status: String(response.statusCode) }, seconds);
      if (request.method === 'POST' && pattern && route.startsWith('/api/regions')) this.commands.inc({ outcome: outcomeOf(response) });
    });
    next();
  };

  /** A command's append, seen by the command answer. */
  appended(events: number): void {
    this.appends.inc();
    this.appendedEvents.inc(events);
  }
}

function outcomeOf(response: Response): CommandOutcome {
  const status = response.statusCode;
  if (status === 201) return response.getHeader('Idempotent-Replayed') === 'true' ? 'replayed' : 'written';
  if (status === 409) return 'conflict';
  if (status === 412) return 'precondition_failed';
  return status >= 500 ? 'error' : 'refused';
}
