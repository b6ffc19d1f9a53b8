import type { AppConfig } from '@app/config';
import { ensureDatabase, withDatabase } from '@app/postgres';
import { startEmbeddedPostgres } from '../../../../libs/postgres/src/embedded';

export interface ResolvedDatabase {
  url: string;
  /** The owner's connection (migrations, LOCK and COPY of a backup, a restore); equal to `url` with one role. */
  migrationUrl: string;
  embedded: boolean;
  /** The embedded cluster was created by this start (a brand-new, empty database). */
  created: boolean;
  /** Another process runs the embedded server; this one only connected and will not stop it. */
  attached: boolean;
  /** Where the data is, in words, for ops commands to say what they act on. */
  description: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL if set; otherwise the embedded PostgreSQL with its files under DATA_DIR, kept between
 * runs. The API refuses a server another live process runs on DATA_DIR; ops commands pass
 * `attach` and use it (the API's own), or start it themselves when nobody runs it.
 */
export async function resolveDatabase(
  config: AppConfig,
  log: (line: string) => void,
  whenRunning: 'refuse' | 'attach' = 'refuse',
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    await ensureDatabase(config.DATABASE_URL);
    const u = new URL(config.DATABASE_URL);
    return {
      url: config.DATABASE_URL,
      migrationUrl: config.DATABASE_URL,
      embedded: false,
      created: false,
      attached: false,
      description: `PostgreSQL ${u.host}${u.pathname} (DATABASE_URL)`,
      stop: async () => undefined,
    };
  }
  log(`Starte eingebettetes PostgreSQL (Daten unter ${config.DATA_DIR}, Port ${config.EMBEDDED_PG_PORT}) …`);
  const server = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    persistent: true,
    whenRunning,
    say: log,
  });
  const url = withDatabase(server.url, 'empfehlungsradar');
  try {
    await ensureDatabase(url);
  } catch (e) {
    await server.stop();
    throw e;
  }
  const state = server.attached ? 'läuft bereits' : server.created ? 'neu angelegt, leer' : 'gestartet';
  return {
    url,
    migrationUrl: url,
    embedded: true,
    created: server.created,
    attached: server.attached,
    description: `eingebettetes PostgreSQL unter ${config.DATA_DIR} (${state})`,
    stop: () => server.stop(),
  };
}
