#!/usr/bin/env node
/**
 * Builds dist/ only when the sources differ from those of the last build, so `npm start` and the
 * ops scripts start in a second instead of compiling for half a minute every time:
 *
 *   "start": "node scripts/build-if-stale.cjs && node dist/apps/api/src/main.js"
 *
 * The fingerprint is a SHA-256 over the path and content of every file the build reads (not
 * modification times: a checkout or `touch` that leaves the content alone rebuilds nothing).
 * It is written to dist/.build-fingerprint after a build that succeeded, computed before that
 * build started, so a file edited during the build makes the next call build again. A lock
 * directory keeps two scripts started together from building over each other. Plain CommonJS
 * with no dependencies: it must run before anything is compiled.
 *
 * `--force` builds regardless; `--check` only says whether a build is needed (exit 1 if so).
 */
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-fingerprint');
const lockDir = path.join(root, '.build-lock');
/** What `nest build api` compiles (tsconfig.build.json) and the files that configure it. */
const sourceDirs = ['apps', 'libs', 'bench', 'scripts'];
const configFiles = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
/** Outputs the build must have produced; a missing one means dist/ was deleted or damaged. */
const entryPoints = ['dist/apps/api/src/main.js', 'dist/apps/projector/src/main.js'];

function isBuildInput(relative) {
  if (!relative.endsWith('.ts') || relative.endsWith('.d.ts')) return false;
  if (relative.endsWith('.spec.ts')) return false;
  return true;
}

function listFiles(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return out;
    throw error;
  }
  for (const entry of entries) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) listFiles(relative, out);
    } else if (entry.isFile() && isBuildInput(relative)) {
      out.push(relative);
    }
  }
  return out;
}

function fingerprint() {
  const files = [...configFiles.filter((f) => fs.existsSync(path.join(root, f)))];
  for (const dir of sourceDirs) listFiles(dir, files);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

function isFresh(current) {
  if (!entryPoints.every((file) => fs.existsSync(path.join(root, file)))) return false;
  try {
    return fs.readFileSync(stampFile, 'utf8').trim() === current;
  } catch {
    return false;
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the lock, waiting while another live process holds it; a dead holder's lock is taken over. */
function acquireLock() {
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      // The holder has made the directory but not yet written its pid: wait for it.
    }
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      process.stderr.write('build-if-stale: another build is running, waiting for it …\n');
      announced = true;
    }
    sleep(250);
  }
}

function releaseLock() {
  fs.rmSync(lockDir, { recursive: true, force: true });
}

function main() {
  const args = new Set(process.argv.slice(2));
  const current = fingerprint();
  if (args.has('--check')) {
    const fresh = isFresh(current);
    process.stdout.write(fresh ? 'dist/ is up to date\n' : 'dist/ needs a build\n');
    return fresh ? 0 : 1;
  }
  if (!args.has('--force') && isFresh(current)) return 0;
  acquireLock();
  try {
    // Another process may have built the same sources while this one waited for the lock.
    if (!args.has('--force') && isFresh(fingerprint())) return 0;
    process.stderr.write('build-if-stale: sources changed since the last build, building dist/ …\n');
    const started = Date.now();
    const nest = path.join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
    const result = spawnSync(process.execPath, [nest, 'build', 'api'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      process.stderr.write(`build-if-stale: the build failed (exit ${result.status ?? result.signal}); dist/ is not marked as built\n`);
      return result.status || 1;
    }
    fs.writeFileSync(stampFile, `${current}\n`);
    process.stderr.write(`build-if-stale: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    releaseLock();
  }
}

process.exitCode = main();
