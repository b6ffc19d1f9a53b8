import type { ClientConfig } from 'pg';
import type { FlushOutput } from '@app/read-models/projector/projection';
import { RECOMMENDATION_TABLES, rowsByTable, type RecommendationTable } from '@app/read-models/projector/recommendation-rows';
import { readModelColumns } from '@app/read-models/tables/schema';
import { TableLoader } from './table-loader';

/**
 * One COPY per recommendation table, all open at once, for a shadow whose recommendation tables
 * start empty and get each recommendation once: six server processes store rows while this one
 * computes the next recommendations.
 */
export class RecommendationLoaders {
  private constructor(private readonly loaders: Record<RecommendationTable, TableLoader>) {}

  static async open(connection: ClientConfig, schema: string): Promise<RecommendationLoaders> {
    const opened = await Promise.allSettled(RECOMMENDATION_TABLES.map((table) => TableLoader.open(connection, schema, table, readModelColumns(table))));
    const failed = opened.find((o) => o.status === 'rejected');
    if (failed) {
      await Promise.all(opened.map((o) => (o.status === 'fulfilled' ? o.value.abort() : undefined)));
      throw failed.reason;
    }
    const loaders = Object.fromEntries(
      RECOMMENDATION_TABLES.map((table, i) => [table, (opened[i] as PromiseFulfilledResult<TableLoader>).value]),
    ) as Record<RecommendationTable, TableLoader>;
    return new RecommendationLoaders(loaders);
  }

  /** Streams without old rows have nothing to remove, so `empty` needs nothing here. */
  async write(output: FlushOutput): Promise<void> {
    const byTable = rowsByTable(output.rows);
    await Promise.all(RECOMMENDATION_TABLES.map((table) => this.loaders[table].write(byTable[table])));
  }

  async end(): Promise<void> {
    const ended = await Promise.allSettled(RECOMMENDATION_TABLES.map((table) => this.loaders[table].end()));
    const failed = ended.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async abort(): Promise<void> {
    await Promise.all(RECOMMENDATION_TABLES.map((table) => this.loaders[table].abort()));
  }
}
