import { Client } from 'pg';
import { survivingPool } from '@app/postgres';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { PostgresEventStore, verifyChains } from '@app/event-store/postgres';
import { migrateReadModels } from '@app/read-models';
import { rebuildReadModels, type RebuildProgress } from '@app/rebuild';
import type { BackupManifest } from './format';
import { migrate } from './migrations';
import { BackupDamaged, sectionStream } from './read-backup';

/** The target holds data and --force was not given; the message says what is there. */
export class TargetNotEmpty extends Error {
  override readonly name = 'TargetNotEmpty';
}

const COUNTED: { table: string; what: string }[] = [
  { table: 'event_store.events', what: 'Ereignisse' },
  { table: 'auth.accounts', what: 'Konten' },
  { table: 'auth.region_settings', what: 'Einstellungen von Bildungsregionen' },
  { table: 'read_model.recommendations', what: 'Empfehlungen in den Lesemodellen' },
];

/** What the target database holds of ours, in words; [] when it is empty. */
export async function targetContents(client: Client): Promise<string[]> {
  const found: string[] = [];
  for (const { table, what } of COUNTED) {
    const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
    if (!rows[0].exists) continue;
    const n = Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0].n);
    if (n > 0) found.push(`${n} ${what}`);
  }
  return found;
}

/** --force: our schemas and migrations tables go, nothing else in the database is touched. */
async function clearTarget(client: Client): Promise<void> {
  const { rows } = await client.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname IN ('event_store', 'auth') OR nspname LIKE 'read\\_model%'`,
  );
  for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  await client.query('DROP TABLE IF EXISTS public.event_store_migrations, public.auth_migrations, public.typeorm_migrations, public.idempotency_keys');
}

export interface RestoreOptions {
  /** Owner role of the target database. */
  url: string;
  file: string;
  manifest: BackupManifest;
  force: boolean;
  say: (line: string) => void;
  onRebuild?: (p: RebuildProgress) => void;
}

/**
 * Restores a checked backup (checkBackupFile, checkChains): refuses a target with data unless
 * forced, creates the schema the backup was made with, copies every section in one transaction
 * that commits only if the chains the database now holds equal the manifest's, migrates forward
 * to this version, and rebuilds the read models.
 */
export async function restoreBackup(o: RestoreOptions): Promise<{ events: number; rebuildMs: number }> {
  const client = new Client({ connectionString: o.url, application_name: 'empfehlungsradar-restore' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const there = await targetContents(client);
    if (there.length > 0) {
      if (!o.force) throw new TargetNotEmpty(`Das Ziel ist nicht leer: ${there.join(', ')}. Wiederherstellen ersetzt all das; dafür --force angeben.`);
      o.say(`--force: ersetze ${there.join(', ')}.`);
      await clearTarget(client);
    }
    await migrate(o.url, 'eventStore', o.manifest.migrations.eventStore);
    await migrate(o.url, 'auth', o.manifest.migrations.auth);

    await client.query('BEGIN');
    for (const section of o.manifest.sections) {
      o.say(`Lade ${section.table}: ${section.rows} Zeilen …`);
      const columns = section.columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
      // Events get the restoring transaction's id (the column default): ids of the old cluster mean
      // nothing here and could lie above this cluster's, hiding the events from readers.
      const copy = client.query(copyFrom(`COPY ${section.table} (${columns}) FROM STDIN`));
      try {
        await pipeline(sectionStream(o.file, section), copy);
      } catch (e) {
        throw new BackupDamaged(`Abschnitt ${section.table} lässt sich nicht laden: ${(e as Error).message}`);
      }
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('event_store.events', 'position'), greatest(1, (SELECT coalesce(max(position), 0) FROM event_store.events)), (SELECT count(*) > 0 FROM event_store.events))`);
    const report = await verifyChains(client);
    if (!report.ok) {
      const b = report.firstBroken;
      throw new BackupDamaged(`Nach dem Laden ist die Kette von ${b.streamId} bei Revision ${b.revision} (Position ${b.position}) gebrochen.`);
    }
    const differing = Object.keys(o.manifest.heads).find((s) => report.heads[s] !== o.manifest.heads[s].hash);
    if (report.events !== o.manifest.events.count || Object.keys(report.heads).length !== Object.keys(o.manifest.heads).length || differing) {
      throw new BackupDamaged(`Nach dem Laden weicht die Datenbank vom Manifest ab (${report.events} Ereignisse${differing ? `, Kettenkopf ${differing}` : ''}).`);
    }
    await client.query('COMMIT');
    o.say(`${report.events} Ereignisse in ${report.streams} Hash-Ketten geladen; jede Kette stimmt mit dem Manifest überein.`);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }

  // Forward to this version's schema, then the read models from the restored events.
  await migrate(o.url, 'eventStore');
  await migrate(o.url, 'auth');
  await migrateReadModels(o.url);
  const store = new PostgresEventStore({ url: o.url, notify: false, maxConnections: 4 });
  // pool.end() resolves before its connections have closed; the server stopping next must not find one unlistened.
  const pool = survivingPool({ connectionString: o.url, max: 4, application_name: 'empfehlungsradar-restore' });
  try {
    const result = await rebuildReadModels({ store, pool, onProgress: o.onRebuild });
    return { events: result.events, rebuildMs: result.ms };
  } finally {
    await store.close();
    await pool.end();
  }
}
