/**
 * `npm run bench:commands`: the command path over real HTTP against the event store's own append
 * rate, in one run on one PostgreSQL server.
 *
 * 1. Starts an embedded PostgreSQL (the API's own defaults; or DATABASE_URL's server), seeds the
 *    demo data with `seed:demo`'s code and starts the built API as its own process on it, as
 *    `npm start` does (the inline projector on).
 * 2. Prepares BENCH_RECOMMENDATIONS (default 100) recommendations through the API (adopted, handed
 *    off, accepted, one indicator each).
 * 3. (b) Commands from 1, 16 and 50 clients, BENCH_SECONDS (default 15) each: 60 % status reports,
 *    20 % measurements, 20 % hand-offs, each with If-Match and Idempotency-Key, through the real
 *    login tokens; (a) the store's raw append rate with 16 writers (BENCH_APPEND_EVENTS, default
 *    10,000) right before the 16-client run; then the API again with PROJECTOR=off for 16 clients.
 * 4. (c) The HTTP floor: the same API process answering `GET /api/health` (no database, no body,
 *    through the same middleware: request log, metrics, security headers) to 16 clients of the
 *    same client: what this machine's HTTP stack serves at most, so a command rate can be read
 *    against both limits, the store's and the web server's.
 * Last line: `commands / appends at 16 clients: NN % (p99 NN ms)`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiProcess } from './support/api-process';
import { CommandMix, prepareTargets } from './support/command-mix';
import { BenchClient } from './support/http';
import { ms, percentile } from './support/latency';
import { rawAppendRate } from './support/raw-appends';
import { dbActivity } from './support/db-activity';
import { processCpuMs } from './support/process-cpu';
import { freshDatabase } from './support/server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const APPEND_EVENTS = Number(process.env.BENCH_APPEND_EVENTS ?? 10_000);
const RECOMMENDATIONS = Number(process.env.BENCH_RECOMMENDATIONS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 3104);

interface PhaseResult {
  label: string;
  clients: number;
  seconds: number;
  ok: number;
  conflicts: number;
  preconditions: number;
  errors: number;
  /** The other errors by HTTP status (0: the request failed without an answer). */
  errorsByStatus: Record<number, number>;
  p50: number;
  p99: number;
  byKind: Record<string, number>;
  /** CPU ms of the API process per accepted command. */
  apiCpuPerCommand?: number;
  /** Committed transactions (every statement outside a transaction counts) and WAL flushes per accepted command. */
  commitsPerCommand?: number;
  walFsyncsPerCommand?: number;
  firstError?: string;
}

async function runPhase(api: ApiProcess, mix: CommandMix, clients: number, label: string, databaseUrl: string): Promise<PhaseResult> {
  const activityBefore = await dbActivity(databaseUrl);
  const client = new BenchClient(api.url, clients);
  const latencies: number[] = [];
  const result: PhaseResult = { label, clients, seconds: 0, ok: 0, conflicts: 0, preconditions: 0, errors: 0, errorsByStatus: {}, p50: 0, p99: 0, byKind: {} };
  const cpuBefore = processCpuMs(api.pid);
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const command = mix.next();
        const sent = performance.now();
        // A request that fails without an answer (connection reset, refused) is an error of status 0, not the end of the run.
        const answer = await client
          .send(command.method, command.path, command.headers, command.body)
          .catch((error: unknown) => ({ status: 0, headers: {}, body: String(error), ms: performance.now() - sent }));
        latencies.push(answer.ms);
        mix.observe(command, answer);
        if (answer.status === 201) {
          result.ok++;
          result.byKind[command.kind] = (result.byKind[command.kind] ?? 0) + 1;
        } else if (answer.status === 409) result.conflicts++;
        else if (answer.status === 412) result.preconditions++;
        else {
          result.errors++;
          result.errorsByStatus[answer.status] = (result.errorsByStatus[answer.status] ?? 0) + 1;
          result.firstError ??= `${command.kind} ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  const cpuAfter = processCpuMs(api.pid);
  if (cpuBefore !== undefined && cpuAfter !== undefined && result.ok > 0) result.apiCpuPerCommand = (cpuAfter - cpuBefore) / result.ok;
  // Let the backends report their statistics (at most a second late) before reading them again.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const activityAfter = await dbActivity(databaseUrl);
  if (activityBefore && activityAfter && result.ok > 0) {
    result.commitsPerCommand = (activityAfter.commits - activityBefore.commits) / result.ok;
    result.walFsyncsPerCommand = (activityAfter.walFsyncs - activityBefore.walFsyncs) / result.ok;
  }
  result.p50 = percentile(latencies, 50);
  result.p99 = percentile(latencies, 99);
  client.close();
  const rate = result.ok / result.seconds;
  console.log(
    `  ${label}, ${clients} client(s): ${rate.toFixed(0)} commands/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ` +
      `409: ${result.conflicts}, 412: ${result.preconditions}, other errors: ${errorsText(result)}, API CPU ${ms(result.apiCpuPerCommand ?? NaN)} ms/command, ` +
      `${(result.commitsPerCommand ?? NaN).toFixed(1)} transactions and ${(result.walFsyncsPerCommand ?? NaN).toFixed(2)} WAL flushes per command` +
      `${result.firstError ? ` (first: ${result.firstError})` : ''}`,
  );
  return result;
}

/** 16 clients asking the API's liveness for SECONDS: answers/s and p99 of an answer that does no work. */
async function httpFloor(api: ApiProcess, clients: number): Promise<{ rate: number; p99: number; errors: number }> {
  const client = new BenchClient(api.url, clients);
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const answer = await client.send('GET', '/api/health').catch(() => ({ status: 0, ms: 0 }));
        latencies.push(answer.ms);
        if (answer.status === 200) ok++;
        else errors++;
      }
    }),
  );
  client.close();
  const result = { rate: ok / ((performance.now() - started) / 1000), p99: percentile(latencies, 99), errors };
  console.log(`  (c) HTTP floor, GET /api/health, ${clients} clients: ${result.rate.toFixed(0)} answers/s, p99 ${ms(result.p99)} ms, errors ${errors}`);
  return result;
}

/** `0`, or the count with the statuses: `3 (500: 2, 503: 1)`. */
function errorsText(p: PhaseResult): string {
  if (p.errors === 0) return '0';
  return `${p.errors} (${Object.entries(p.errorsByStatus).map(([status, n]) => `${status}: ${n}`).join(', ')})`;
}

async function seedDemo(databaseUrl: string): Promise<void> {
  const script = join(__dirname, '..', 'scripts', 'seed-demo.js');
  const child = spawn(process.execPath, [script], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`seed:demo exited with ${code}`);
}

async function main(): Promise<void> {
  for (const [name, value] of Object.entries({ BENCH_SECONDS: SECONDS, BENCH_APPEND_EVENTS: APPEND_EVENTS, BENCH_RECOMMENDATIONS: RECOMMENDATIONS })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  }
  const startedAt = new Date();
  const load = loadavg()[0]!;
  const db = await freshDatabase();
  const serverUrl = db.url;
  const env = { RATE_LIMIT_WRITES_PER_MINUTE: '100000000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000', JWT_SECRET: 'bench-commands-secret-0123456789abcdefghij' };
  const phases: PhaseResult[] = [];
  let raw: { rate: number; ms: number } | undefined;
  let floor: { rate: number; p99: number; errors: number } | undefined;
  try {
    console.log(`Seeding the demo data into ${db.server} …`);
    await seedDemo(db.url);
    let api = await startApi({ databaseUrl: db.url, port: PORT, env });
    let mix: CommandMix;
    try {
      const setup = new BenchClient(api.url, 8);
      const preparing = performance.now();
      const targets = await prepareTargets(setup, RECOMMENDATIONS);
      console.log(`Prepared ${RECOMMENDATIONS} recommendations in ${((performance.now() - preparing) / 1000).toFixed(1)} s; commands for ${SECONDS} s per run`);
      // One mix for every run: the hand-offs already made are not offered again.
      mix = new CommandMix(targets);
      await mix.learnRevisions(setup);
      setup.close();
      phases.push(await runPhase(api, mix, 1, 'projector inline', db.url));
      console.log(`  (a) event store, 16 writers, ${APPEND_EVENTS} appends …`);
      raw = await rawAppendRate(serverUrl, APPEND_EVENTS, 16);
      console.log(`  (a) ${raw.rate.toFixed(0)} appends/s`);
      phases.push(await runPhase(api, mix, 16, 'projector inline', db.url));
      phases.push(await runPhase(api, mix, 50, 'projector inline', db.url));
      floor = await httpFloor(api, 16);
    } finally {
      await api.stop();
    }
    api = await startApi({ databaseUrl: db.url, port: PORT, env: { ...env, PROJECTOR: 'off' } });
    try {
      const setup = new BenchClient(api.url, 1);
      await mix.learnRevisions(setup);
      setup.close();
      phases.push(await runPhase(api, mix, 16, 'projector off', db.url));
      phases.push(await runPhase(api, mix, 1, 'projector off', db.url));
    } finally {
      await api.stop();
    }
  } finally {
    await db.close();
  }

  const at16 = phases.find((p) => p.clients === 16 && p.label === 'projector inline')!;
  const rate16 = at16.ok / at16.seconds;
  console.log(`\n${startedAt.toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, load average at start ${load.toFixed(1)}`);
  console.log(`(a) event store raw appends, 16 writers, 1 event each: ${raw!.rate.toFixed(0)}/s (${APPEND_EVENTS} in ${(raw!.ms / 1000).toFixed(1)} s)`);
  console.log('| (b) HTTP commands | clients | commands/s | p50 ms | p99 ms | 409 | 412 | other errors | API CPU ms / command | transactions / command | WAL flushes / command | status reports / measurements / hand-offs |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const p of phases) {
    const kinds = ['status report', 'measurement', 'hand-off'].map((k) => p.byKind[k] ?? 0).join(' / ');
    console.log(`| ${p.label} | ${p.clients} | ${(p.ok / p.seconds).toFixed(0)} | ${ms(p.p50)} | ${ms(p.p99)} | ${p.conflicts} | ${p.preconditions} | ${errorsText(p)} | ${ms(p.apiCpuPerCommand ?? NaN)} | ${(p.commitsPerCommand ?? NaN).toFixed(1)} | ${(p.walFsyncsPerCommand ?? NaN).toFixed(2)} | ${kinds} |`);
  }
  console.log(`(c) HTTP floor, GET /api/health through the same API, 16 clients: ${floor!.rate.toFixed(0)} answers/s (p99 ${ms(floor!.p99)} ms); commands are ${Math.round((rate16 / floor!.rate) * 100)} % of it`);
  console.log(`commands / appends at 16 clients: ${Math.round((rate16 / raw!.rate) * 100)} % (p99 ${ms(at16.p99)} ms)`);
  if (phases.some((p) => p.errors > 0) || floor!.errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
