import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { auditManifestSha256, sortedHeads } from './audit-manifest';
import { BACKUP_FORMAT, MAGIC, MIGRATION_TABLES, SECTIONS, TRAILER_DIGITS, type BackupManifest, type ManifestBeside, type SectionEntry } from './format';

export interface BackupProgress {
  table: string;
  rows: number;
  totalRows: number;
  bytes: number;
}

export interface BackupResult {
  file: string;
  manifestFile: string;
  manifest: ManifestBeside;
  ms: number;
}

/** How long the backup waits for writers in flight before it gives up (they wait behind it meanwhile). */
const LOCK_TIMEOUT = '20s';

/**
 * A consistent online backup. A second connection holds `LOCK … IN SHARE MODE` on the events table
 * for an instant: it waits for every append in flight to commit and holds new ones back while the
 * backup's REPEATABLE READ snapshot is taken, then lets go. The snapshot therefore holds every
 * event with a position up to its last one and none after, and writers continue at once while the
 * rows are copied out of the snapshot, as pg_dump does. `url` must be the owner role (LOCK, COPY).
 */
export async function writeBackup(url: string, file: string, onProgress: (p: BackupProgress) => void = () => undefined): Promise<BackupResult> {
  const started = Date.now();
  const snapshot = new Client({ connectionString: url, application_name: 'empfehlungsradar-backup' });
  const gate = new Client({ connectionString: url, application_name: 'empfehlungsradar-backup-lock' });
  snapshot.on('error', () => undefined);
  gate.on('error', () => undefined);
  await snapshot.connect();
  const partial = `${file}.partial`;
  let out: WriteStream | undefined;
  try {
    await gate.connect();
    await gate.query('BEGIN');
    await gate.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    try {
      await gate.query('LOCK TABLE event_store.events IN SHARE MODE');
    } catch (e) {
      throw new Error(`Schreibende Transaktionen enden nicht (${LOCK_TIMEOUT} gewartet): ${(e as Error).message}`);
    }
    await snapshot.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await snapshot.query(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO'; SET LOCAL statement_timeout = 0`);
    // The first query fixes the snapshot, while the gate is still closed.
    await snapshot.query('SELECT pg_current_snapshot()');
    await gate.query('COMMIT');
    await gate.end();

    const version = (await snapshot.query<{ v: string }>('SHOW server_version')).rows[0].v;
    const migrations = {
      eventStore: await applied(snapshot, MIGRATION_TABLES.eventStore),
      auth: await applied(snapshot, MIGRATION_TABLES.auth),
    };
    const { rows: headRows } = await snapshot.query<{ stream_id: string; revision: string; hash: string }>(
      `SELECT stream_id, revision::text AS revision, encode(head_hash, 'hex') AS hash FROM event_store.streams WHERE revision >= 0`,
    );
    const heads = sortedHeads(headRows.map((r) => [r.stream_id, { revision: r.revision, hash: r.hash }]));
    const { rows: [stats] } = await snapshot.query<{ count: string; last: string | null }>(
      'SELECT count(*)::text AS count, max(position)::text AS last FROM event_store.events',
    );

    out = createWriteStream(partial, { mode: 0o600 });
    const sha = createHash('sha256');
    let offset = 0;
    const write = async (bytes: Buffer) => {
      sha.update(bytes);
      offset += bytes.length;
      if (!out!.write(bytes)) await new Promise<void>((r) => out!.once('drain', () => r()));
    };
    await write(Buffer.from(MAGIC));
    const sections: SectionEntry[] = [];
    for (const spec of SECTIONS) {
      const columns = spec.columns.length > 0 ? spec.columns : await columnsOf(snapshot, spec.table);
      const totalRows = Number((await snapshot.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${spec.table}`)).rows[0].n);
      const section = createHash('sha256');
      const start = offset;
      let rows = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          for (const byte of chunk) if (byte === 10) rows++;
          onProgress({ table: spec.table, rows, totalRows, bytes: offset });
          done(null, chunk);
        },
      });
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          section.update(chunk);
          write(chunk).then(() => done(), done);
        },
      });
      const copy = snapshot.query(copyTo(`COPY (SELECT ${columns.map(quote).join(', ')} FROM ${spec.table} ORDER BY ${spec.orderBy}) TO STDOUT`));
      await pipeline(copy, counter, createGzip({ level: 6 }), sink);
      if (rows !== totalRows) throw new Error(`${spec.table}: ${rows} Zeilen kopiert, ${totalRows} erwartet`);
      sections.push({ table: spec.table, columns, rows, offset: start, bytes: offset - start, sha256: section.digest('hex') });
      onProgress({ table: spec.table, rows, totalRows, bytes: offset });
    }
    await snapshot.query('COMMIT');

    const events = { count: Number(stats.count), streams: Object.keys(heads).length, lastPosition: stats.last };
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      postgresVersion: version,
      migrations,
      sections,
      events,
      heads,
      auditManifestSha256: auditManifestSha256(events.count, events.lastPosition, heads),
      accounts: sections.find((s) => s.table === 'auth.accounts')!.rows,
      regionSettings: sections.find((s) => s.table === 'auth.region_settings')!.rows,
    };
    const json = Buffer.from(`${JSON.stringify(manifest)}\n`);
    await write(json);
    await write(Buffer.from(`${String(json.length).padStart(TRAILER_DIGITS, '0')}\n`));
    await new Promise<void>((resolve, reject) => out!.end((e?: Error | null) => (e ? reject(e) : resolve())));
    const beside: ManifestBeside = { ...manifest, file: { bytes: offset, sha256: sha.digest('hex') } };
    const manifestFile = `${file}.manifest.json`;
    renameSync(partial, file);
    writeFileSync(manifestFile, `${JSON.stringify(beside, null, 2)}\n`, { mode: 0o600 });
    return { file, manifestFile, manifest: beside, ms: Date.now() - started };
  } catch (e) {
    out?.destroy();
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await gate.end().catch(() => undefined);
    await snapshot.end().catch(() => undefined);
  }
}

const quote = (column: string) => `"${column.replace(/"/g, '""')}"`;

async function columnsOf(client: Client, table: string): Promise<string[]> {
  const [schema, name] = table.split('.');
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [schema, name],
  );
  if (rows.length === 0) throw new Error(`Tabelle ${table} fehlt: ist die Datenbank die des Empfehlungsradars?`);
  return rows.map((r) => r.column_name);
}

async function applied(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${table} ORDER BY id`);
  return rows.map((r) => r.name);
}
