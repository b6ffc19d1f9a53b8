import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** jest runs from the repository root (and in ESM mode, where __dirname does not exist). */
export const ROOT = process.cwd();

const SOURCES = ['apps', 'libs', 'scripts', 'bench'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];

/** Hash of everything the build reads: a changed source file means a new build, an unchanged tree reuses the last one. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) hash.update(relative(ROOT, path)).update(readFileSync(path));
    }
  };
  for (const dir of SOURCES) walk(join(ROOT, dir));
  for (const file of CONFIGS) if (existsSync(join(ROOT, file))) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The compiled application (`nest build`) for suites that run it as real processes, built once for
 * all suites of a run and reused by later runs while the sources are unchanged. It is built into
 * .test-build/<hash of the sources>, never into dist/, so no suite and no developer's `npm start`
 * changes it underneath a running process (nest build only writes inside the project). Suites running
 * at the same time wait for one build (a lock folder); a build older than the sources is thrown away.
 */
export async function builtApplication(): Promise<string> {
  // One build for the whole run, even if a source file is edited while it runs (globalSetup passes it on).
  const given = process.env.EMPF_TEST_BUILD;
  if (given && existsSync(join(given, '.built'))) return given;
  const base = join(ROOT, '.test-build');
  mkdirSync(base, { recursive: true });
  const hash = sourceHash();
  const out = join(base, hash);
  const done = join(out, '.built');
  const lock = join(base, 'lock');
  for (const until = Date.now() + 300_000; !existsSync(done); ) {
    if (Date.now() > until) throw new Error(`Build under ${out} did not finish within 5 minutes (lock ${lock})`);
    try {
      mkdirSync(lock);
    } catch {
      // Another suite builds; a lock left by a killed run is taken over after 3 minutes.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(done)) break;
      // Builds of other sources go after an hour; a run still using one has it for that long.
      for (const old of readdirSync(base)) {
        if (old !== 'lock' && Date.now() - statSync(join(base, old)).mtimeMs > 3_600_000) rmSync(join(base, old), { recursive: true, force: true });
      }
      // Paths in it are relative to its own folder; nest build takes it relative to the project.
      writeFileSync(join(base, `tsconfig.${hash}.json`), JSON.stringify({ extends: '../tsconfig.build.json', compilerOptions: { outDir: `./${hash}`, tsBuildInfoFile: `./${hash}/.tsbuildinfo` } }));
      execFileSync(join(ROOT, 'node_modules', '.bin', 'nest'), ['build', 'api', '--path', `.test-build/tsconfig.${hash}.json`], { cwd: ROOT, stdio: 'pipe' });
      writeFileSync(done, new Date().toISOString());
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  process.env.EMPF_TEST_BUILD = out;
  return out;
}
