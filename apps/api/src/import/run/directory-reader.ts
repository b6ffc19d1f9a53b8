import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { READ_MODEL_SCHEMA } from '@app/projections';
import { PG_POOL } from '../../infrastructure/tokens';
import { normalizeName } from '../mapping';
import type { RegionDirectory } from '../plan/region-directory';

/**
 * The region's conferences, committees and references from the read models. A name the projector
 * has not applied yet is proposed as new under the id derived from its name, which the earlier
 * import already used: the dry run then finds its event in the stream, and nothing is written twice.
 */
@Injectable()
export class ImportDirectoryReader {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async read(regionId: string): Promise<RegionDirectory> {
    const s = `"${READ_MODEL_SCHEMA}"`;
    const [conferences, committees, references] = await Promise.all([
      this.pool.query(`SELECT conference_id, number, kind, label, title, to_char(coalesce(held_on, date), 'YYYY-MM-DD') AS date FROM ${s}.conferences WHERE region_id = $1`, [regionId]),
      this.pool.query(`SELECT committee_id, name, short_name, dissolved_on FROM ${s}.committees WHERE region_id = $1`, [regionId]),
      this.pool.query(`SELECT recommendation_id, conference_id, reference FROM ${s}.recommendations WHERE region_id = $1`, [regionId]),
    ]);
    return {
      regionId,
      conferences: conferences.rows.map((r) => ({ id: r.conference_id, number: r.number, kind: r.kind, label: r.label, title: r.title, date: r.date })),
      committees: committees.rows.map((r) => ({ id: r.committee_id, name: r.name, shortName: r.short_name, dissolved: r.dissolved_on !== null })),
      references: new Map(references.rows.map((r) => [`${r.conference_id}|${normalizeName(r.reference)}`, r.recommendation_id])),
    };
  }
}
