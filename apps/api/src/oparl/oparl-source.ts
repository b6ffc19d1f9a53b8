import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { streamIdOf } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { PublicViews } from '../auth/public-views';
import { ProblemException } from '../http/problem.exception';
import { EVENT_STORE, PG_POOL } from '../infrastructure/tokens';
import { RegionHistory } from '../queries/shared/region-history';
import { oparlModel, type OParlModel } from './model/oparl-model';

export const notPublished = () =>
  ProblemException.of(404, 'Für diese Bildungsregion gibt es keine öffentliche OParl-Schnittstelle.', { code: 'public-views.not-enabled' });

/**
 * The published regions and their OParl model, from the event log (RegionHistory keeps each
 * region's events and catches up on every call). A model is rebuilt only when the log grew.
 */
@Injectable()
export class OParlSource {
  private readonly models = new Map<string, { key: string; model: OParlModel }>();

  constructor(
    private readonly history: RegionHistory,
    private readonly publicViews: PublicViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** Regions whose office switched the public views on (and that exist), in id order. */
  async publishedRegions(): Promise<string[]> {
    const { rows } = await this.pool.query<{ region_id: string }>(`SELECT region_id FROM auth.region_settings WHERE public_views ORDER BY region_id`);
    return rows.map((r) => r.region_id);
  }

  /** The region's model; 404 unless it exists and publishes. */
  async model(regionId: string): Promise<OParlModel> {
    if (!(await this.publicViews.enabled(regionId))) throw notPublished();
    const regionEvents = await this.store.readStream(streamIdOf.region(regionId));
    const registered = regionEvents[0]?.data as { regionId?: string; name?: string } | undefined;
    if (!registered || registered.regionId !== regionId) throw notPublished();
    const events = await this.history.regionEvents(regionId);
    const key = `${regionEvents.length}:${events.length}:${String(events.at(-1)?.position ?? '')}`;
    const cached = this.models.get(regionId);
    if (cached?.key === key) return cached.model;
    const model = oparlModel({ regionId, name: registered.name ?? regionId, events: regionEvents }, events);
    this.models.set(regionId, { key, model });
    return model;
  }
}
