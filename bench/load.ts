/**
 * `npm run bench:load`: the API under 100 connections, loopback only, in two phases of BENCH_SECONDS
 * (default 60) each: first as fast as the API answers (closed loop: the most it can do), then at a
 * fixed rate of BENCH_RATE requests/s in all (default 200; open loop), on the demo data enlarged to BENCH_EVENTS events (default 100,000) with a simulated history of
 * further regions. 80 of the connections read (recommendation list, recommendation page, funnel,
 * committee scorecard, figures of a conference cohort; now, at the end of a year and at a
 * conference's date), 20 issue commands (bench:commands' mix, with If-Match and Idempotency-Key).
 * One autocannon instance per endpoint, so each has its own throughput and p50/p99. At the end
 * `audit:verify` must find the event log and the read models in agreement.
 * Last line: `reads p99: NN ms, commands p99: NN ms, errors: N at 100 connections (open loop: …)`: the
 * open loop's p99s, the errors of both phases; the line before it gives the closed loop's.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { appendBatched, simulateHistory } from '@app/testing/simulation';
import { issueAccessToken, keyFromSecret } from '../apps/api/src/auth/local-tokens';
import { startApi } from './support/api-process';
import { CommandMix, prepareTargets } from './support/command-mix';
import { BenchClient } from './support/http';
import { processCpuMs } from './support/process-cpu';
import { freshDatabase } from './support/server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
/** Requests per second offered in all by the open-loop phase (split over the endpoints by their connections). */
const RATE = Number(process.env.BENCH_RATE ?? 200);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const CONNECTIONS = 100;
const PORT = Number(process.env.BENCH_PORT ?? 3104);
const JWT_SECRET = 'bench-load-secret-0123456789abcdefghijklmn';

interface Target {
  name: string;
  kind: 'read' | 'command';
  connections: number;
  /** A fresh request each time (a path, and for commands headers and body). */
  /** `context` is the connection's own (one request in flight per connection). */
  next: (context: Record<string, unknown>) => { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
  onResponse?: (status: number, body: string, headers: Record<string, string>, context: Record<string, unknown>) => void;
}

interface Outcome {
  phase: Phase;
  name: string;
  kind: Target['kind'];
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** Requests autocannon gave up on: no answer within 10 s, or the connection failed (timeouts included). */
  errors: number;
  timeouts: number;
}

/**
 * closed: every connection sends its next request as soon as the answer is in, as fast as the API
 * answers (the most it can do; latency is then about connections / throughput, Little's law).
 * open: the same connections offer a fixed rate in all, whatever the answers take; latencies are
 * corrected for coordinated omission (a request the rate called for but a busy connection could
 * not send yet counts from when it was due).
 */
type Phase = 'closed' | 'open';

function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'scripts', script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return once(child, 'exit').then(([code]) => ({ code: code as number | null, output }));
}

function attack(url: string, target: Target, phase: Phase): Promise<Outcome> {
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: target.connections,
        duration: SECONDS,
        ...(phase === 'open' ? { overallRate: Math.max(1, Math.round((RATE * target.connections) / CONNECTIONS)) } : {}),
        requests: [
          {
            setupRequest: (request: Record<string, unknown>, context: unknown) => ({ ...request, ...target.next(context as Record<string, unknown>) }),
            onResponse: (status: number, body: string, context: unknown, headers: Record<string, string>) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
              target.onResponse?.(status, body, headers ?? {}, context as Record<string, unknown>);
            },
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({
          phase,
          name: target.name,
          kind: target.kind,
          connections: target.connections,
          requests: result.requests.total,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('error', reject);
  });
}

async function main(): Promise<void> {
  for (const [name, value] of Object.entries({ BENCH_SECONDS: SECONDS, BENCH_EVENTS: EVENTS, BENCH_RATE: RATE })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  }
  const startedAt = new Date();
  const load = loadavg()[0]!;
  // BENCH_DATABASE_URL: a database a former run kept (BENCH_KEEP=1), already seeded and enlarged,
  // for measuring code changes without loading the log again; its read models are rebuilt.
  const reused = process.env.BENCH_DATABASE_URL;
  const db = reused ? { url: reused, server: 'BENCH_DATABASE_URL', close: async () => undefined } : await freshDatabase();
  // An embedded server goes with its temp dir, so only a database on DATABASE_URL's server can be kept.
  const keep = reused !== undefined || (process.env.BENCH_KEEP === '1' && process.env.DATABASE_URL !== undefined);
  const env = { RATE_LIMIT_WRITES_PER_MINUTE: '100000000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000', JWT_SECRET };
  const outcomes: Outcome[] = [];
  let verify = { code: null as number | null, output: '' };
  let logEvents = 0;
  const apiCpuMs: Partial<Record<Phase, number>> = {};
  const firstAnswers: string[] = [];
  try {
    if (!reused) {
      console.log(`Seeding the demo data into ${db.server} …`);
      const seeded = await run('seed-demo.js', { DATABASE_URL: db.url, LOG_LEVEL: 'warn' });
      if (seeded.code !== 0) throw new Error(`seed:demo failed:\n${seeded.output}`);
    }
    const pool = new Pool({ connectionString: db.url, max: 2 });
    let region: { id: string; recommendations: string[]; conferences: Array<{ id: string; date: string }> };
    try {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events');
      const more = reused ? 0 : Math.max(0, EVENTS - rows[0]!.n);
      console.log(`Enlarging the log by ${more} simulated events (4 further regions) …`);
      const started = performance.now();
      if (more > 0) await appendBatched(db.url, simulateHistory({ seed: 2026, events: more, regions: 4 }));
      await pool.query('VACUUM ANALYZE event_store.events');
      console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      // The reads look at the largest simulated region: its replays are what asOf costs.
      const largest = await pool.query<{ region_id: string }>(
        `SELECT metadata->>'regionId' AS region_id FROM event_store.events WHERE metadata->>'actor' LIKE '%buero-1%'
          GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      );
      const id = largest.rows[0]!.region_id;
      const recs = await pool.query<{ id: string }>(
        `SELECT data->>'recommendationId' AS id FROM event_store.events WHERE type = 'RecommendationAdopted' AND metadata->>'regionId' = $1 LIMIT 200`,
        [id],
      );
      const conferences = await pool.query<{ id: string; date: string }>(
        `SELECT data->>'conferenceId' AS id, data->>'date' AS date FROM event_store.events WHERE type = 'ConferenceScheduled' AND metadata->>'regionId' = $1`,
        [id],
      );
      region = { id, recommendations: recs.rows.map((r) => r.id), conferences: conferences.rows };
    } finally {
      await pool.end();
    }

    // The read models from the whole log in one bulk pass, as `npm run projections:rebuild` does;
    // the API's inline projector then starts from that checkpoint.
    console.log('projections:rebuild …');
    const rebuilt = await run(join('..', 'apps', 'projector', 'src', 'rebuild.js'), { DATABASE_URL: db.url, LOG_LEVEL: 'warn' });
    if (rebuilt.code !== 0) throw new Error(`projections:rebuild failed:\n${rebuilt.output}`);
    console.log('Starting the API …');
    // BENCH_API_LOG=<file>: the API's own output, for finding what an error was.
    const apiLog = process.env.BENCH_API_LOG ? createWriteStream(process.env.BENCH_API_LOG) : undefined;
    const api = await startApi({ databaseUrl: db.url, port: PORT, env, readyWithinMs: 900_000, ...(apiLog ? { log: (line: string) => apiLog.write(`${line}\n`) } : {}) });
    try {
      const setup = new BenchClient(api.url, 8);
      const targets = await prepareTargets(setup, 100);
      const mix = new CommandMix(targets);
      await mix.learnRevisions(setup);
      setup.close();
      const { token } = await issueAccessToken(keyFromSecret(JWT_SECRET, 3600), { userId: 'bench-reader', role: 'auditor', regionIds: [region.id], committeeIds: [] }, new Date());
      const reader = { authorization: `Bearer ${token}` };
      const base = `/api/regions/${region.id}`;
      const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
      const year = String(new Date().getUTCFullYear() - 1);
      // asOf: today (no parameter), the end of last year, or a conference's date.
      const asOf = () => {
        const roll = Math.random();
        if (roll < 0.5) return '';
        if (roll < 0.75) return `asOf=${year}-12-31`;
        return `asOf=${pick(region.conferences).date}`;
      };
      const read = (name: string, connections: number, path: () => string): Target => ({
        name,
        kind: 'read',
        connections,
        next: () => ({ method: 'GET', path: path(), headers: reader }),
      });
      const withQuery = (path: string, ...parts: string[]) => {
        const query = parts.filter(Boolean).join('&');
        return query ? `${path}?${query}` : path;
      };
      const plan: Target[] = [
        read('recommendation list', 16, () => withQuery(`${base}/recommendations`, 'limit=50', asOf())),
        // The page of a recommendation adopted before any asOf picked would be a 404: now only.
        read('recommendation page', 16, () => `${base}/recommendations/${pick(region.recommendations)}/page`),
        read('funnel', 16, () => withQuery(`${base}/views/funnel`, asOf())),
        read('committee scorecard', 16, () => withQuery(`${base}/views/committee-scorecard`, asOf())),
        read('figures of a conference cohort', 16, () => withQuery(`${base}/figures`, `cohort=conference:${pick(region.conferences).id}`, asOf())),
        {
          name: 'commands (demo region)',
          kind: 'command',
          connections: 20,
          next: (context) => {
            const command = mix.next();
            context.command = command;
            return { method: 'POST', path: command.path, headers: { ...command.headers, 'content-type': 'application/json' }, body: JSON.stringify(command.body) };
          },
          onResponse: (status, body, headers, context) => {
            const command = context.command as ReturnType<CommandMix['next']> | undefined;
            if (!command) return;
            let parsed: unknown;
            try {
              parsed = JSON.parse(body);
            } catch {
              parsed = undefined;
            }
            mix.observe(command, { status, headers, body: parsed, ms: 0 });
          },
        },
      ];
      // A region's first request after a start reads its log (region-history.ts): timed on its own,
      // one request per read endpoint for "now", one after the other, before the phases.
      for (const target of plan.filter((t) => t.kind === 'read')) {
        const request = target.next({});
        const path = request.path.replace(/[?&]asOf=[^&]*/, '');
        const started = performance.now();
        const answer = await fetch(`${api.url}${path}`, { headers: request.headers });
        await answer.arrayBuffer();
        firstAnswers.push(`${target.name} ${answer.status} in ${(performance.now() - started).toFixed(0)} ms`);
      }
      console.log(`First answers after the start: ${firstAnswers.join('; ')}`);
      for (const phase of ['closed', 'open'] as const) {
        const how = phase === 'closed' ? 'as fast as the API answers (closed loop)' : `${RATE} requests/s offered in all (open loop)`;
        console.log(`${CONNECTIONS} connections for ${SECONDS} s, ${how}, against region ${region.id} (${region.recommendations.length} recommendations sampled) …`);
        const cpuBefore = processCpuMs(api.pid);
        outcomes.push(...(await Promise.all(plan.map((target) => attack(api.url, target, phase)))));
        const cpuAfter = processCpuMs(api.pid);
        if (cpuBefore !== undefined && cpuAfter !== undefined) apiCpuMs[phase] = cpuAfter - cpuBefore;
      }
    } finally {
      await api.stop();
    }
    const count = new Pool({ connectionString: db.url, max: 1 });
    logEvents = (await count.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0]!.n;
    await count.end();
    console.log('audit:verify …');
    verify = await run('audit-verify.js', { DATABASE_URL: db.url, LOG_LEVEL: 'warn' });
  } finally {
    if (keep) console.log(`Database kept: BENCH_DATABASE_URL=${db.url}`);
    else await db.close();
  }

  const expectedCommand = new Set(['201', '409', '412']);
  const errorsOf = (o: Outcome) =>
    o.errors + Object.entries(o.statuses).filter(([status]) => (o.kind === 'read' ? !status.startsWith('2') : !expectedCommand.has(status))).reduce((n, [, c]) => n + c, 0);
  console.log(`\n${startedAt.toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, load average at start ${load.toFixed(1)}`);
  console.log(`log: ${logEvents} events at the end; ${SECONDS} s per phase`);
  console.log(`first answers after the start (one by one, before the phases): ${firstAnswers.join('; ')}`);
  const summary = {} as Record<Phase, { readsP99: number; commandsP99: number; errors: number; rps: number }>;
  for (const phase of ['closed', 'open'] as const) {
    const of = outcomes.filter((o) => o.phase === phase);
    const cpu = apiCpuMs[phase];
    const rps = of.reduce((n, o) => n + o.rps, 0);
    const answered = of.reduce((n, o) => n + Object.values(o.statuses).reduce((m, c) => m + c, 0), 0);
    // CPU per answer is what a busy machine changes least: compare it between runs, not the rates.
    const cpuText = cpu === undefined ? '–' : `${(cpu / 1000).toFixed(1)} s, ${answered > 0 ? (cpu / answered).toFixed(2) : '–'} ms per answer`;
    console.log(`\n${phase === 'closed' ? 'Closed loop (as fast as the API answers)' : `Open loop (${RATE} requests/s offered)`}: ${rps.toFixed(0)} requests/s answered; API CPU ${cpuText}`);
    console.log('| endpoint | connections | requests | requests/s | p50 ms | p99 ms | answers | errors (timeouts) |');
    console.log('|---|---:|---:|---:|---:|---:|---|---:|');
    for (const o of of) {
      const answers = Object.entries(o.statuses).map(([s, n]) => `${s}: ${n}`).join(', ');
      console.log(`| ${o.name} | ${o.connections} | ${o.requests} | ${o.rps.toFixed(0)} | ${o.p50} | ${o.p99} | ${answers} | ${errorsOf(o)} (${o.timeouts}) |`);
    }
    summary[phase] = {
      readsP99: Math.max(...of.filter((o) => o.kind === 'read').map((o) => o.p99)),
      commandsP99: Math.max(...of.filter((o) => o.kind === 'command').map((o) => o.p99)),
      errors: of.reduce((n, o) => n + errorsOf(o), 0),
      rps,
    };
  }
  // Its verdict is the line 'OK: …' or 'NICHT OK: …'; the details after it are JSON.
  const verifyLine = verify.output.split('\n').find((line) => /^(NICHT )?OK: /.test(line)) ?? verify.output.trim().split('\n').slice(-3).join(' / ');
  console.log(`\naudit:verify: exit ${verify.code}: ${verifyLine}`);
  const { closed, open } = summary;
  const errors = closed.errors + open.errors;
  if (verify.code !== 0 || errors > 0) process.exitCode = 1;
  // The goal is read at a fixed offered rate; the closed loop's figures say how far the API goes.
  console.log(
    `closed loop: ${closed.rps.toFixed(0)} requests/s, reads p99: ${closed.readsP99} ms, commands p99: ${closed.commandsP99} ms, errors: ${closed.errors} at ${CONNECTIONS} connections`,
  );
  console.log(
    `reads p99: ${open.readsP99} ms, commands p99: ${open.commandsP99} ms, errors: ${errors} at ${CONNECTIONS} connections (open loop: ${RATE} requests/s offered, ${open.rps.toFixed(0)} answered; errors of both phases)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
