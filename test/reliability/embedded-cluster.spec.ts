import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_REGION_ID } from '../../apps/api/src/demo/demo-ids';
import { signTestToken } from '../support/auth';
import { builtApplication } from '../support/build';
import { serverPort } from '../support/ports';
import { freePort, runNode, startApiProcess, waitFor, type ApiProcess } from '../support/processes';

/**
 * The embedded PostgreSQL across real processes (issue 14, items 2 and 11): an API killed with
 * SIGKILL leaves its server running; the next start stops that orphan cleanly and comes up with
 * every acknowledged write. A second API on the same DATA_DIR is refused, ops commands attach to the
 * running one (and start their own when none runs), and every start-up failure says why.
 */
const postmasterPid = (dir: string) => (existsSync(join(dir, 'pg', 'postmaster.pid')) ? Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) : 0);
/** Running, and not a zombie (a killed parent leaves its children to an init that may reap them late). */
const runs = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

function runScript(build: string, script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(build, 'scripts', `${script}.js`)], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: string[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
    child.stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
    child.once('exit', (code) => resolve({ code, output: chunks.join('') }));
  });
}

/** The API process expected to fail at start: its exit code and what it printed. */
async function failedStart(build: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const p = runNode(join(build, 'apps', 'api', 'src', 'main.js'), { PORT: String(await freePort()), LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env });
  const { code } = await p.exited;
  return { code, output: p.output() };
}

describe('embedded PostgreSQL across processes', () => {
  const base = mkdtempSync(join(tmpdir(), 'embedded-cluster-'));
  chmodSync(base, 0o755);
  const dir = join(base, 'data');
  let build: string;
  let pgPort: number;
  let api: ApiProcess | undefined;
  const env = () => ({ DATA_DIR: dir, EMBEDDED_PG_PORT: String(pgPort) });
  const headers = { Authorization: `Bearer ${signTestToken('office', { userId: 'buero.cluster', regionIds: [DEMO_REGION_ID] })}`, 'Content-Type': 'application/json' };

  beforeAll(async () => {
    build = await builtApplication();
    pgPort = await serverPort();
  }, 300_000);

  afterAll(async () => {
    await api?.kill();
    const pid = postmasterPid(dir);
    if (pid > 0 && runs(pid)) {
      process.kill(pid, 'SIGINT');
      await waitFor('postmaster gone', () => !runs(pid), 60_000).catch(() => undefined);
    }
    rmSync(base, { recursive: true, force: true });
  }, 120_000);

  it('starts again after kill -9: the orphaned server is stopped cleanly, nothing acknowledged is lost', async () => {
    api = await startApiProcess(build, { ...env(), SEED_DEMO: 'true' });
    const res = await fetch(`${api.url}/api/regions/${DEMO_REGION_ID}/committees`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Gremium vor dem Absturz', shortName: 'GvA', kind: 'fachgremium', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-02-01' }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const orphan = postmasterPid(dir);
    expect(runs(orphan)).toBe(true);

    api.child.kill('SIGKILL');
    await api.exited;
    // What broke before: the server outlives its node process and keeps DATA_DIR.
    expect(runs(orphan)).toBe(true);

    // LOG_LEVEL=log: the orphan's shutdown is an info line of the start-up log.
    api = await startApiProcess(build, { ...env(), LOG_LEVEL: 'log' });
    expect(api.output()).toContain(`Verwaister PostgreSQL-Server (PID ${orphan}, Port ${pgPort}) eines abgebrochenen Laufs gefunden: fahre ihn sauber herunter`);
    expect(runs(orphan)).toBe(false);
    expect(postmasterPid(dir)).not.toBe(orphan);
    const after = await fetch(`${api.url}/api/regions/${DEMO_REGION_ID}/committees/${id}`, { headers });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { state: { name: string } }).state.name).toBe('Gremium vor dem Absturz');
  }, 300_000);

  it('refuses a second API on the same DATA_DIR, naming the process that has it', async () => {
    const second = await failedStart(build, env());
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Empfehlungsradar konnte nicht starten / could not start: Das eingebettete PostgreSQL unter ${dir} läuft bereits (PID ${postmasterPid(dir)}, Port ${pgPort}) und wird benutzt: Prozess ${api!.child.pid}`);
    expect(second.output).not.toContain('undefined');
    expect((await fetch(`${api!.url}/api/health/ready`)).status).toBe(200);
  }, 120_000);

  it('seed:demo and audit:verify attach to the running API\'s server and leave it running', async () => {
    const seed = await runScript(build, 'seed-demo', env());
    expect(seed.code).toBe(0);
    expect(seed.output).toContain(`Ziel: eingebettetes PostgreSQL unter ${dir} (läuft bereits).`);
    expect(seed.output).toContain('sind bereits vollständig vorhanden; nichts geschrieben');
    const verify = await runScript(build, 'audit-verify', env());
    expect(verify.code).toBe(0);
    expect(verify.output).toMatch(/^OK: Alle \d+ Hash-Ketten/m);
    expect((await fetch(`${api!.url}/api/health/ready`)).status).toBe(200);
  }, 180_000);

  it('an ops command starts the server itself when no API runs, and stops it again', async () => {
    api!.child.kill('SIGTERM');
    expect((await api!.exited).code).toBe(0);
    api = undefined;
    expect(existsSync(join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    const seed = await runScript(build, 'seed-demo', env());
    expect(seed.code).toBe(0);
    expect(seed.output).toContain(`Ziel: eingebettetes PostgreSQL unter ${dir} (gestartet).`);
    expect(existsSync(join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 180_000);

  describe('every start-up failure names its cause', () => {
    it('a data directory of another PostgreSQL major version', async () => {
      const old = join(base, 'pg17');
      mkdirSync(join(old, 'pg'), { recursive: true });
      writeFileSync(join(old, 'pg', 'PG_VERSION'), '17\n');
      const run = await failedStart(build, { DATA_DIR: old, EMBEDDED_PG_PORT: String(pgPort) });
      expect(run.code).toBe(1);
      expect(run.output).toContain(`Das Datenverzeichnis ${join(old, 'pg')} wurde von PostgreSQL 17 geschrieben, eingebettet ist jetzt PostgreSQL 18.`);
      expect(run.output).toContain('"npm run backup"');
      expect(run.output).toContain('"npm run restore -- DATEI"');
    });

    it('a DATA_DIR below a folder the server user cannot enter', async () => {
      const locked = join(base, 'verschlossen');
      mkdirSync(locked, { mode: 0o700 });
      chmodSync(locked, 0o700);
      const run = await failedStart(build, { DATA_DIR: join(locked, 'data'), EMBEDDED_PG_PORT: String(pgPort) });
      expect(run.code).toBe(1);
      expect(run.output).toContain(`Der Datenbankserver läuft als Benutzer „postgres“ und darf den Ordner ${locked} nicht betreten (Rechte 700)`);
      expect(run.output).not.toContain('undefined');
    });

    it('a port another PostgreSQL server listens on', async () => {
      const stranger = Number(new URL(process.env.TEST_DATABASE_URL!).port);
      const run = await failedStart(build, { DATA_DIR: join(base, 'fremder-port'), EMBEDDED_PG_PORT: String(stranger) });
      expect(run.code).toBe(1);
      expect(run.output).toMatch(new RegExp(`Port ${stranger} ist schon belegt|Auf 127\\.0\\.0\\.1:${stranger} antwortet ein anderer PostgreSQL-Server`));
      expect(run.output).not.toContain('undefined');
    }, 120_000);
  });
});
