import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the files of an embedded cluster say about who runs it. PostgreSQL writes `postmaster.pid`
 * (pid, data dir, start time, port, …) while it runs; we add an owner file naming the Node process
 * that started it, so a later process can tell a server in use from one orphaned by a `kill -9`.
 */
export interface PostmasterInfo {
  pid: number;
  port: number;
}

export interface OwnerInfo {
  pid: number;
  port: number;
  command: string;
  startedAt: string;
}

export const OWNER_FILE = 'embedded-postgres.owner.json';

export function readPostmaster(databaseDir: string): PostmasterInfo | undefined {
  const file = join(databaseDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port };
}

/** True when `pid` is running and its command line contains `name` (guards against a reused pid). */
export function processRuns(pid: number, name: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(name);
  } catch {
    // No /proc (macOS): the signal test is all there is. (A zombie has an empty cmdline: not running.)
    return true;
  }
}

export function readOwner(dataDir: string): OwnerInfo | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as OwnerInfo;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function writeOwner(dataDir: string, port: number): void {
  const owner: OwnerInfo = { pid: process.pid, port, command: process.argv.slice(1).join(' '), startedAt: new Date().toISOString() };
  writeFileSync(join(dataDir, OWNER_FILE), `${JSON.stringify(owner)}\n`, { mode: 0o600 });
}

export function removeOwner(dataDir: string): void {
  const owner = readOwner(dataDir);
  if (owner?.pid === process.pid) rmSync(join(dataDir, OWNER_FILE), { force: true });
}

/** The owner file's process, if it still runs (and is Node, not a stranger with a recycled pid). */
export function liveOwner(dataDir: string): OwnerInfo | undefined {
  const owner = readOwner(dataDir);
  return owner && owner.pid !== process.pid && processRuns(owner.pid, 'node') ? owner : undefined;
}

/** Waits until `pid` has exited, polling; false if it still runs after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (processRuns(pid, 'postgres')) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
