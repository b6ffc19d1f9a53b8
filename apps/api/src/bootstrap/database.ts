import type { AppConfig } from '@app/config';
import { ensureDatabase, withDatabase } from '@app/postgres';
import { startEmbeddedPostgres } from '../../../../libs/postgres/src/embedded';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL if set; otherwise the embedded PostgreSQL with its files under DATA_DIR, kept between runs. */
export async function resolveDatabase(config: AppConfig, log: (line: string) => void): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    await ensureDatabase(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  log(`Starte eingebettetes PostgreSQL (Daten unter ${config.DATA_DIR}, Port ${config.EMBEDDED_PG_PORT}) …`);
  const server = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, persistent: true });
  const url = withDatabase(server.url, 'empfehlungsradar');
  await ensureDatabase(url);
  return { url, embedded: true, stop: () => server.stop() };
}
