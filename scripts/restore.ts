import 'reflect-metadata';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '@app/config';
import type { RebuildProgress } from '@app/rebuild';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { describeSize } from '../apps/api/src/backup/backup-file-name';
import { checkChains } from '../apps/api/src/backup/check-chains';
import { BackupDamaged, checkBackupFile } from '../apps/api/src/backup/read-backup';
import { restoreBackup, TargetNotEmpty } from '../apps/api/src/backup/restore-backup';
import { describeFailure } from '../libs/postgres/src/embedded-error';
import { statSync } from 'node:fs';

const USAGE = `Aufruf: npm run restore -- DATEI [--force]

  Stellt eine Sicherung (npm run backup) in ein leeres DATA_DIR oder die Datenbank von DATABASE_URL
  wieder her: prüft Datei und jede Hash-Kette gegen das Manifest, bevor etwas geschrieben wird,
  lädt Ereignisse, Konten und Einstellungen und baut die Lesemodelle neu auf.
  Ein Ziel mit Daten wird nur mit --force ersetzt. Die API darf dabei nicht auf dem Ziel laufen.
  Exit-Code 0: wiederhergestellt; 1: Fehler; 65: Sicherung beschädigt; 73: Ziel nicht leer; 64: falscher Aufruf.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0].startsWith('-')) {
    console.error(USAGE);
    return 64;
  }
  const file = resolve(files[0]);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  if (config.EVENTSTORE_URL) {
    console.error('EVENTSTORE_URL ist gesetzt: Ereignisse in EventStoreDB stellt dessen eigenes Verfahren wieder her (README).');
    return 69;
  }
  // Everything about the file is checked before the target is touched: a damaged backup writes nothing.
  console.error(`Prüfe ${file} (${describeSize(statSync(file, { throwIfNoEntry: false })?.size ?? 0)}) …`);
  const manifest = await checkBackupFile(file);
  const checked = await checkChains(file, manifest);
  console.error(`Sicherung vom ${manifest.createdAt}: ${checked.events} Ereignisse in ${checked.streams} Hash-Ketten nachgerechnet, alle passen zum Manifest.`);

  const database = await resolveDatabase(config, (line) => console.error(line), 'refuse');
  console.error(`Ziel: ${database.description}.`);
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'Lesemodelle |{bar}| {percentage}% | {events} Ereignisse', hideCursor: true, stream: process.stderr })
    : undefined;
  let last = 0;
  const onRebuild = (p: RebuildProgress) => {
    if (bar) {
      if (!bar.isActive) bar.start(1000, 0, { events: 0 });
      bar.update(Math.round(p.fraction * 1000), { events: p.events });
    } else if (p.elapsedMs - last >= 2000 || p.fraction >= 1) {
      last = p.elapsedMs;
      console.error(`Lesemodelle: ${p.events} Ereignisse (${Math.round(p.fraction * 100)} %)`);
    }
  };
  try {
    const result = await restoreBackup({ url: database.migrationUrl, file, manifest, force, say: (line) => console.error(line), onRebuild });
    bar?.stop();
    console.log(
      `Wiederhergestellt: ${manifest.events.count} Ereignisse bis Position ${manifest.events.lastPosition ?? '–'}, ${manifest.accounts} Konten, ` +
        `${manifest.regionSettings} Einstellungen; Lesemodelle aus ${result.events} Ereignissen in ${(result.rebuildMs / 1000).toFixed(1)} s neu aufgebaut.`,
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
    console.error(`Wiederherstellung abgebrochen / restore aborted: ${describeFailure(e)}`);
    process.exit(e instanceof BackupDamaged ? 65 : e instanceof TargetNotEmpty ? 73 : 1);
  },
);
