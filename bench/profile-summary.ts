/**
 * Where a process's CPU went, from a V8 `.cpuprofile` (`node --cpu-prof`; for the API under
 * `bench:commands`: BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"):
 *
 *   node dist/bench/profile-summary.js /tmp/prof/CPU….cpuprofile [requests]
 *
 * Each sample goes to the first part below whose rule matches a frame of its stack (so a socket
 * write under the projector counts as the projector's), the rest to "other"; with `requests`, the
 * time per request beside it. Then the functions with the most self time.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PARTS: [string, (f: CallFrame) => boolean][] = [
  ['inline projector (fold, rows, JSON, its statements)', (f) => /libs\/(projections|read-models|figures)\//.test(f.url)],
  ['loading and folding the stream', (f) => /aggregate-reader\.js/.test(f.url) && /load|find/.test(f.functionName)],
  ['appending (prepare, hash chain, statement)', (f) => /event-store\/src\/postgres\/(fast-append|append|postgres-event-store)\.js/.test(f.url) && /append/i.test(f.functionName)],
  ['command runner, domain decide, request hash, derived ids', (f) => /command-pipeline|libs\/domain/.test(f.url)],
  ['pino-http', (f) => /node_modules\/(pino|pino-http|nestjs-pino)\//.test(f.url)],
  ['prom-client middleware', (f) => /prom-client|observability\/metrics/.test(f.url)],
  ['auth guards', (f) => /apps\/api\/src\/auth\//.test(f.url)],
  ['class-validator / class-transformer', (f) => /class-validator|class-transformer/.test(f.url)],
  ["writing the HTTP answer (socket write, under compression's `end`)", (f) => /node_modules\/compression\//.test(f.url)],
  ['express, body parser', (f) => /node_modules\/(express|router|body-parser|raw-body|helmet)\//.test(f.url)],
  ['Nest (router, interceptors, rxjs)', (f) => /@nestjs|rxjs/.test(f.url)],
  ['pg driver: socket writes and parsing rows', (f) => /node_modules\/pg/.test(f.url)],
  ["node's HTTP server", (f) => /_http_|node:net/.test(f.url)],
];

function main(): void {
  const [file, requestsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [requests]');
  const requests = requestsArg ? Number(requestsArg) : undefined;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  for (const [id, micros] of selfTime) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)') {
      idle += micros;
      continue;
    }
    busy += micros;
    const where = `${name || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber}`;
    functions.set(where, (functions.get(where) ?? 0) + micros);
    const stack: CallFrame[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!.callFrame);
    const part = name === '(garbage collector)' ? 'garbage collection' : (PARTS.find(([, rule]) => stack.some(rule))?.[0] ?? 'other');
    parts.set(part, (parts.get(part) ?? 0) + micros);
  }
  const ms = (micros: number) => (micros / 1000).toFixed(0);
  const perRequest = (micros: number) => (requests ? ` ${(micros / 1000 / requests).toFixed(2)} ms/request` : '');
  console.log(`busy ${ms(busy)} ms, idle ${ms(idle)} ms${perRequest(busy)}`);
  for (const [part, micros] of [...parts].sort((a, b) => b[1] - a[1])) {
    console.log(`${((100 * micros) / busy).toFixed(1).padStart(5)} % ${ms(micros).padStart(7)} ms${perRequest(micros)}  ${part}`);
  }
  console.log('\nself time, top 30:');
  for (const [where, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${((100 * micros) / busy).toFixed(1).padStart(5)} % ${ms(micros).padStart(7)} ms  ${where}`);
  }
}

main();
