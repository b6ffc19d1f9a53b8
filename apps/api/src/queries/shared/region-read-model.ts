import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { calendarDateOf } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { type ConferenceFacts, type RecommendationFacts } from '@app/figures';
import { factsAsOf, loadDirectory, READ_MODEL_SCHEMA } from '@app/read-models';
import { EVENT_STORE, PG_POOL } from '../../infrastructure/tokens';
import type { TimePoint } from './query-params';
import type { RegionSnapshot } from './region-snapshot';

const S = `"${READ_MODEL_SCHEMA}"`;
const UNDEFINED_TABLE = '42P01';

/**
 * A region as it stands now, read from the read models instead of replayed from the log: one
 * query per table instead of the whole log on a region's first request. Only for the points the
 * read models hold, everything recorded so far (no `knownAt`) at today or later (business dates
 * never lie in the future, so the stored facts re-dated to `asOf` are the facts at `asOf`), and
 * only when the projector has applied the whole log: a figure never depends on the projector's lag.
 */
@Injectable()
export class RegionReadModel {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Undefined when the point is not "now" or the read models are behind the log (then the caller replays). */
  async snapshot(regionId: string, regionName: string, point: TimePoint, now = new Date()): Promise<RegionSnapshot | undefined> {
    if (point.knownAt !== undefined || point.asOf < calendarDateOf(now)) return undefined;
    const client = await this.pool.connect();
    try {
      // One snapshot for the checkpoint and the rows: the projector commits both together.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows: checkpoints } = await client.query<{ position: string | null }>(
        `SELECT position::text AS position FROM ${S}.projection_checkpoints WHERE name = 'read_models'`,
      );
      const head = await this.store.headPosition();
      if (head === undefined || checkpoints[0]?.position !== head.toString()) return undefined;

      const { rows } = await client.query<{ facts: RecommendationFacts }>(
        `SELECT facts FROM ${S}.recommendation_facts WHERE region_id = $1 ORDER BY recommendation_id`,
        [regionId],
      );
      const all = await loadDirectory(client, READ_MODEL_SCHEMA);
      const directory = {
        regions: new Map([...all.regions].filter(([, r]) => r.region_id === regionId)),
        conferences: new Map([...all.conferences].filter(([, c]) => c.region_id === regionId)),
        committees: new Map([...all.committees].filter(([, c]) => c.region_id === regionId)),
      };
      // A held conference counts from the day it was held; a later rescheduling does not move it (conferenceFactsOf).
      const conferences: ConferenceFacts[] = [...directory.conferences.values()].sort((a, b) => a.number - b.number).map((c) => ({
        conferenceId: c.conference_id,
        number: c.number,
        date: c.held_on ?? c.date,
      }));
      const facts = rows.map((r) => factsAsOf(r.facts, point.asOf)).filter((f) => f.adoptedOn <= point.asOf);
      return { regionId, regionName, point, source: 'read_model', directory, conferences, facts };
    } catch (error) {
      // No read models in this database (never migrated): the log answers alone.
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return undefined;
      throw error;
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }
}
