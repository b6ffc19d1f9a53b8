import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './auth';
import { ROOT } from './build';

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** SIGKILL if still running; for afterAll. */
  kill(): Promise<void>;
}

/** `node <script>`, or `node <args…>` when given several. */
export function runNode(script: string | string[], env: NodeJS.ProcessEnv): RunningProcess {
  const child = spawn(process.execPath, typeof script === 'string' ? [script] : script, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => chunks.push(c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => chunks.join('').slice(-4000),
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface ApiProcess extends RunningProcess {
  url: string;
}

/** The compiled API (`builtApplication()`) as its own process on a free port, started once it answers. */
export async function startApiProcess(build: string, env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const port = await freePort();
  const p = runNode(join(build, 'apps', 'api', 'src', 'main.js'), {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`API on ${url} answering`, async () => {
    if (!p.alive()) throw new Error(`API exited before answering: ${p.output()}`);
    return (await fetch(`${url}/api/health`).catch(() => undefined))?.status === 200;
  }, 120_000);
  return { ...p, url };
}

export function startProjectorProcess(build: string, env: NodeJS.ProcessEnv): RunningProcess {
  return runNode(join(build, 'apps', 'projector', 'src', 'main.js'), { LOG_LEVEL: 'warn', PROJECTOR: 'off', ...env });
}

/**
 * Polls `condition` until it returns true; fails naming `what` after `timeoutMs`. The limits are
 * generous on purpose: they bound a hang, they do not time anything.
 */
export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 50): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
