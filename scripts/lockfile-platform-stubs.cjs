#!/usr/bin/env node
/*
 * The npm registry this project's machines reach serves only some platforms' optional binaries
 * (e.g. unrs-resolver's bindings for Linux, not for Windows or Android). npm then leaves those
 * packages out of package-lock.json, and `npm ci` refuses the lock as "not in sync". This adds a
 * lock entry for each missing optional platform package, with the os/cpu its name states, so npm
 * skips it on every other platform without asking the registry.
 *
 * Run after any dependency change:  node scripts/lockfile-platform-stubs.cjs
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'];

function missingFromLock() {
  try {
    execFileSync('npm', ['ci', '--ignore-scripts', '--dry-run'], { stdio: 'pipe' });
    return [];
  } catch (e) {
    const out = `${e.stdout}${e.stderr}`;
    return [...out.matchAll(/Missing: (\S+?)@\S* from lock file/g)].map((m) => m[1]);
  }
}

const file = 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const missing = missingFromLock();
for (const name of missing) {
  const declared = Object.values(lock.packages).find((e) => e.optionalDependencies?.[name]);
  if (!declared) throw new Error(`${name} is missing from the lock but no package declares it optional: run npm install`);
  const tail = name.split('/').pop();
  const os = OS.find((o) => tail.includes(`-${o}-`) || tail.endsWith(`-${o}`));
  const cpu = CPU.find((c) => tail.includes(`-${c}`));
  if (!os && !cpu) throw new Error(`${name}: no platform in its name; cannot stub it safely`);
  lock.packages[`node_modules/${name}`] = { version: declared.optionalDependencies[name], ...(cpu && { cpu: [cpu] }), optional: true, ...(os && { os: [os] }) };
  console.log(`stubbed ${name} (${[os, cpu].filter(Boolean).join('/')})`);
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(missing.length ? `${missing.length} entries added; npm ci accepts the lock now.` : 'lock already in sync with package.json');
