import type { Pool } from 'pg';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { connectEventStoreDb } from '@app/event-store/eventstoredb';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { ensureDatabase, ensureEmbeddedRoles, grantRuntimeAccess, survivingPool, withDatabase } from '@app/postgres';
import { migrateReadModels } from '@app/read-models';
import { startEmbeddedPostgres } from '../../../libs/postgres/src/embedded';

export interface ProjectorInfrastructure {
  store: EventStore;
  pool: Pool;
  /** The runtime role's connection (store and pool use it). */
  databaseUrl: string;
  /** The owner's: migrations, and a rebuild's new schema. Equal to databaseUrl with one role. */
  migrationUrl: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL, or the embedded PostgreSQL the API runs (same DATA_DIR and port as apps/api);
 * started here only if no server answers on that port yet. Event store as in the API: EventStoreDB
 * when EVENTSTORE_URL is set, else PostgreSQL. Migrations run before anything is read.
 */
export async function openInfrastructure(
  config: AppConfig,
  log: (line: string) => void,
  /** `owner`: store and pool connect as the owner too (the rebuild creates and swaps schemas). */
  as: 'runtime' | 'owner' = 'runtime',
): Promise<ProjectorInfrastructure> {
  let databaseUrl: string;
  let migrationUrl: string;
  let stopServer = async () => undefined as void;
  if (config.DATABASE_URL) {
    databaseUrl = config.DATABASE_URL;
    migrationUrl = config.MIGRATION_DATABASE_URL ?? databaseUrl;
    await ensureDatabase(migrationUrl);
  } else {
    log(`Eingebettetes PostgreSQL (Daten unter ${config.DATA_DIR}, Port ${config.EMBEDDED_PG_PORT}) …`);
    // The API's server when it runs (attached, left running), else started here.
    const running = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, persistent: true, whenRunning: 'attach', say: log });
    stopServer = () => running.stop();
    const superuser = withDatabase(running.url, 'empfehlungsradar');
    await ensureDatabase(superuser);
    ({ runtimeUrl: databaseUrl, ownerUrl: migrationUrl } = await ensureEmbeddedRoles(superuser, config.DATA_DIR));
  }
  if (!config.EVENTSTORE_URL) await migrateEventStore(migrationUrl);
  await migrateReadModels(migrationUrl);
  if (migrationUrl !== databaseUrl) {
    const runtimeUser = decodeURIComponent(new URL(databaseUrl).username) || undefined;
    const result = await grantRuntimeAccess(migrationUrl, runtimeUser).catch((e: Error) => ({ granted: false, note: e.message }));
    if (!result.granted) log(`Rechte der Laufzeitrolle nicht vergeben / runtime role not granted: ${result.note ?? ''}`);
  }
  if (as === 'owner') databaseUrl = migrationUrl;
  const store: EventStore = config.EVENTSTORE_URL
    ? await connectEventStoreDb(config.EVENTSTORE_URL)
    : new PostgresEventStore({ url: databaseUrl, maxConnections: 4 });
  const pool = survivingPool({ connectionString: databaseUrl, max: 4, application_name: 'empfehlungsradar-projector' }, (e) =>
    log(`Verbindung zur Datenbank verloren: ${e.message}`),
  );
  return {
    store,
    pool,
    databaseUrl,
    migrationUrl,
    async close() {
      await store.close();
      await pool.end();
      await stopServer();
    },
  };
}
