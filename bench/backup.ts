/**
 * `npm run bench:backup`: BENCH_EVENTS (default 100,000) simulated events of 10 regions appended
 * through the store, then `npm run backup`'s work (snapshot behind the momentary lock, COPY, gzip,
 * manifest) beside a plain `COPY … TO STDOUT` of the same rows read and thrown away as reference;
 * then restore's checks before it writes (file hashes, every chain recomputed in Node) and the whole
 * restore into a second, empty database (load in one transaction, chains verified again, read models
 * rebuilt). Figures with machine and date: docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { migrateEventStore } from '@app/event-store/postgres';
import { withDatabase } from '@app/postgres';
import { appendBatched, simulateHistory } from '@app/testing/simulation';
import { describeSize } from '../apps/api/src/backup/backup-file-name';
import { checkChains } from '../apps/api/src/backup/check-chains';
import { SECTIONS } from '../apps/api/src/backup/format';
import { migrate } from '../apps/api/src/backup/migrations';
import { checkBackupFile } from '../apps/api/src/backup/read-backup';
import { restoreBackup } from '../apps/api/src/backup/restore-backup';
import { writeBackup } from '../apps/api/src/backup/write-backup';
import { freshDatabase } from './support/server';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const rate = (n: number, ms: number) => Math.round(n / Math.max(ms / 1000, 0.001)).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function sql(url: string, text: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** The reference: the events' rows as COPY text, read once and dropped. */
async function plainCopy(url: string): Promise<{ ms: number; bytes: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const started = performance.now();
    let bytes = 0;
    const columns = SECTIONS[0].columns.join(', ');
    await pipeline(
      c.query(copyTo(`COPY (SELECT ${columns} FROM event_store.events ORDER BY position) TO STDOUT`)),
      new Writable({
        write(chunk: Buffer, _e, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
    return { ms: performance.now() - started, bytes };
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(EVENTS) || EVENTS <= 0) throw new Error('BENCH_EVENTS must be a positive integer');
  const db = await freshDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'bench-backup-'));
  const target = withDatabase(db.url, `${new URL(db.url).pathname.slice(1)}_restored`);
  try {
    await migrateEventStore(db.url);
    await migrate(db.url, 'auth');
    console.log(`Generating ${EVENTS} events (10 regions) on ${db.server} …`);
    await appendBatched(db.url, simulateHistory({ seed: 2026, events: EVENTS, regions: 10 }));
    await sql(db.url, 'VACUUM ANALYZE event_store.events');
    await plainCopy(db.url); // warm the cache: both read from memory

    const reference = await plainCopy(db.url);
    console.log(`Reference: plain COPY of the events: ${describeSize(reference.bytes)} in ${seconds(reference.ms)} = ${rate(EVENTS, reference.ms)} events/s`);

    const file = join(dir, 'bench.backup');
    const backup = await writeBackup(db.url, file);
    const m = backup.manifest;
    console.log(
      `Backup: ${m.events.count} events, ${m.events.streams} chains: ${describeSize(m.file.bytes)} in ${seconds(backup.ms)} = ${rate(m.events.count, backup.ms)} events/s ` +
        `(${(backup.ms / reference.ms).toFixed(2)} × the plain COPY; compressed to ${((m.file.bytes / reference.bytes) * 100).toFixed(0)} % of the COPY text)`,
    );

    const checkStarted = performance.now();
    const manifest = await checkBackupFile(file);
    const chains = await checkChains(file, manifest);
    const checkMs = performance.now() - checkStarted;
    console.log(`Restore's checks before writing (hashes, ${chains.streams} chains recomputed): ${seconds(checkMs)} = ${rate(chains.events, checkMs)} events/s`);

    await sql(withDatabase(db.url, 'postgres'), `CREATE DATABASE "${new URL(target).pathname.slice(1)}"`);
    const restoreStarted = performance.now();
    const restored = await restoreBackup({ url: target, file, manifest, force: false, say: () => undefined });
    const restoreMs = performance.now() - restoreStarted;
    console.log(
      `Restore into an empty database (load, verify, read models rebuilt in ${seconds(restored.rebuildMs)}): ${seconds(restoreMs)} = ${rate(restored.events, restoreMs)} events/s`,
    );
  } finally {
    await sql(withDatabase(db.url, 'postgres'), `DROP DATABASE IF EXISTS "${new URL(target).pathname.slice(1)}" WITH (FORCE)`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
