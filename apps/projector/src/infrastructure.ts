import type { Pool } from 'pg';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { connectEventStoreDb } from '@app/event-store/eventstoredb';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { ensureDatabase, survivingPool, withDatabase } from '@app/postgres';
import { migrateReadModels } from '@app/projections';
import { startEmbeddedPostgres } from '../../../libs/postgres/src/embedded';

export interface ProjectorInfrastructure {
  store: EventStore;
  pool: Pool;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL, or the embedded PostgreSQL the API runs (same DATA_DIR and port as apps/api);
 * started here only if no server answers on that port yet. Event store as in the API: EventStoreDB
 * when EVENTSTORE_URL is set, else PostgreSQL. Migrations run before anything is read.
 */
export async function openInfrastructure(config: AppConfig, log: (line: string) => void): Promise<ProjectorInfrastructure> {
  let databaseUrl: string;
  let stopServer = async () => undefined as void;
  if (config.DATABASE_URL) {
    databaseUrl = config.DATABASE_URL;
    await ensureDatabase(databaseUrl);
  } else {
    log(`Eingebettetes PostgreSQL (Daten unter ${config.DATA_DIR}, Port ${config.EMBEDDED_PG_PORT}) …`);
    // The API's server when it runs (attached, left running), else started here.
    const running = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, persistent: true, whenRunning: 'attach', say: log });
    stopServer = () => running.stop();
    const server = running.url;
    databaseUrl = withDatabase(server, 'empfehlungsradar');
    await ensureDatabase(databaseUrl);
  }
  let store: EventStore;
  if (config.EVENTSTORE_URL) {
    store = await connectEventStoreDb(config.EVENTSTORE_URL);
  } else {
    await migrateEventStore(databaseUrl);
    store = new PostgresEventStore({ url: databaseUrl, maxConnections: 4 });
  }
  await migrateReadModels(databaseUrl);
  const pool = survivingPool({ connectionString: databaseUrl, max: 4, application_name: 'empfehlungsradar-projector' }, (e) =>
    log(`Verbindung zur Datenbank verloren: ${e.message}`),
  );
  return {
    store,
    pool,
    databaseUrl,
    async close() {
      await store.close();
      await pool.end();
      await stopServer();
    },
  };
}
