import type { DataSource } from 'typeorm';
import type { RegionId } from '@app/domain';

/**
 * Whether a region shows its published views without login; off unless the office switches it on.
 * Plain SQL, so any DataSource on the database will do.
 */
export class PublicViews {
  constructor(private readonly dataSource: DataSource) {}

  async enabled(regionId: RegionId): Promise<boolean> {
    const rows: { public_views: boolean }[] = await this.dataSource.query(`SELECT public_views FROM auth.region_settings WHERE region_id = $1`, [
      regionId.toLowerCase(),
    ]);
    return rows[0]?.public_views ?? false;
  }

  async set(regionId: RegionId, enabled: boolean, by: string, now: Date = new Date()): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO auth.region_settings (region_id, public_views, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (region_id) DO UPDATE SET public_views = excluded.public_views, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [regionId.toLowerCase(), enabled, now, by],
    );
  }
}

export function setPublicViews(dataSource: DataSource, regionId: RegionId, enabled: boolean, by: string): Promise<void> {
  return new PublicViews(dataSource).set(regionId, enabled, by);
}
