import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '@app/config';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { defaultBackupFile, describeSize } from '../apps/api/src/backup/backup-file-name';
import { writeBackup, type BackupProgress } from '../apps/api/src/backup/write-backup';
import { describeFailure } from '../libs/postgres/src/embedded-error';

const USAGE = `Aufruf: npm run backup [-- DATEI]

  Sichert Ereignisprotokoll, Konten und Einstellungen im laufenden Betrieb (konsistenter Stand,
  Schreiben geht weiter). Ohne DATEI: DATA_DIR/backups/empfehlungsradar-<Zeitpunkt>.backup.
  Daneben entsteht DATEI.manifest.json (Ereignisse, letzte Position, Kettenköpfe, Prüfsummen).
  Datenbank: DATABASE_URL, sonst das eingebettete PostgreSQL (das der laufenden API, sonst gestartet).`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error(USAGE);
    return 64; // EX_USAGE
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  if (config.EVENTSTORE_URL) {
    console.error('Die Ereignisse liegen in EventStoreDB (EVENTSTORE_URL): sichern Sie sie mit dessen eigenem Verfahren (README, „Sicherung und Wiederherstellung“).');
    return 69; // EX_UNAVAILABLE
  }
  const file = resolve(args[0] ?? defaultBackupFile(config.DATA_DIR, new Date()));
  mkdirSync(dirname(file), { recursive: true });
  const database = await resolveDatabase(config, (line) => console.error(line), 'attach');
  console.error(`Quelle: ${database.description}.`);
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'Sicherung {table} |{bar}| {value}/{total} Zeilen | {size}', hideCursor: true, stream: process.stderr })
    : undefined;
  let current = '';
  let lastLine = 0;
  const onProgress = (p: BackupProgress) => {
    if (bar) {
      if (p.table !== current) {
        if (current) bar.stop();
        current = p.table;
        bar.start(Math.max(p.totalRows, 1), 0, { table: p.table, size: describeSize(p.bytes) });
      }
      bar.update(p.rows, { size: describeSize(p.bytes) });
    } else {
      // Plain lines in logs: when a table starts, every 2 s, and once when it is done.
      const done = p.rows === p.totalRows;
      const key = `${p.table}:${done}`;
      if (key === current && (done || Date.now() - lastLine < 2000)) return;
      current = key;
      lastLine = Date.now();
      console.error(`Sicherung ${p.table}: ${p.rows}/${p.totalRows} Zeilen, ${describeSize(p.bytes)}`);
    }
  };
  try {
    const result = await writeBackup(database.migrationUrl, file, onProgress);
    bar?.stop();
    const m = result.manifest;
    console.log(
      `Gesichert: ${m.events.count} Ereignisse (bis Position ${m.events.lastPosition ?? '–'}) in ${m.events.streams} Hash-Ketten, ` +
        `${m.accounts} Konten, ${m.regionSettings} Einstellungen in ${(result.ms / 1000).toFixed(1)} s.\n` +
        `Datei: ${result.file}\nGröße: ${describeSize(m.file.bytes)}\nManifest: ${result.manifestFile}\nAudit-Manifest SHA-256: ${m.auditManifestSha256}`,
    );
    return 0;
  } finally {
    bar?.stop();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Sicherung fehlgeschlagen / backup failed: ${describeFailure(e)}`);
    process.exit(1);
  },
);
