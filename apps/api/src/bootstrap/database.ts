import type { AppConfig } from '@app/config';
import { ensureDatabase, ensureEmbeddedRoles, withDatabase } from '@app/postgres';
import { startEmbeddedPostgres } from '../../../../libs/postgres/src/embedded';
import { migrateAsOwner } from './migrate';

export interface ResolvedDatabase {
  /** The runtime role's connection. */
  url: string;
  /** The owner's (migrations, a rebuild's new schema); equal to `url` with one role. */
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
 * DATABASE_URL (with MIGRATION_DATABASE_URL as its owner, if set) or the embedded PostgreSQL with its
 * files under DATA_DIR, kept between runs, whose owner and runtime logins are made at start. With
 * two roles the owner migrates and grants here, before anything runs as the runtime role. The API
 * refuses an embedded server another live process runs on DATA_DIR; ops commands pass `attach` and
 * use it (the API's own), or start it themselves when nobody runs it.
 */
export async function resolveDatabase(
  config: AppConfig,
  log: (line: string) => void,
  whenRunning: 'refuse' | 'attach' = 'refuse',
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    const migrationUrl = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
    await ensureDatabase(migrationUrl);
    const u = new URL(config.DATABASE_URL);
    if (migrationUrl !== config.DATABASE_URL) await migrateAsOwner(config, migrationUrl, decodeURIComponent(u.username) || undefined, log);
    return {
      url: config.DATABASE_URL,
      migrationUrl,
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
  const superuser = withDatabase(server.url, 'empfehlungsradar');
  let roles: { ownerUrl: string; runtimeUrl: string };
  try {
    await ensureDatabase(superuser);
    roles = await ensureEmbeddedRoles(superuser, config.DATA_DIR);
    await migrateAsOwner(config, roles.ownerUrl, undefined, log);
  } catch (e) {
    await server.stop();
    throw e;
  }
  const state = server.attached ? 'läuft bereits' : server.created ? 'neu angelegt, leer' : 'gestartet';
  return {
    url: roles.runtimeUrl,
    migrationUrl: roles.ownerUrl,
    embedded: true,
    created: server.created,
    attached: server.attached,
    description: `eingebettetes PostgreSQL unter ${config.DATA_DIR} (${state})`,
    stop: () => server.stop(),
  };
}
