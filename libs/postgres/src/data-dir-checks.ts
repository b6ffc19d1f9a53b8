import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EmbeddedPostgresError } from './embedded-error';

/** uid and gid of the `postgres` account the server runs as when we are root; undefined if there is none yet. */
export function postgresAccount(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * As root the package runs the server as `postgres`, which must be able to enter every folder above
 * DATA_DIR. A DATA_DIR under /root (mode 0700) fails deep inside initdb or the server with a bare
 * "Permission denied"; this names the folder and the way out before that happens.
 */
export function checkEnterable(dataDir: string, account: { uid: number; gid: number }): void {
  let dir = dirname(resolve(dataDir));
  for (;;) {
    const s = statSync(dir);
    const bit = s.uid === account.uid ? 0o100 : s.gid === account.gid ? 0o010 : 0o001;
    if ((s.mode & bit) === 0) {
      throw new EmbeddedPostgresError(
        `DATA_DIR ${resolve(dataDir)}: Der Datenbankserver läuft als Benutzer „postgres“ und darf den Ordner ${dir} ` +
          `nicht betreten (Rechte ${(s.mode & 0o777).toString(8)}). Legen Sie DATA_DIR außerhalb an (z. B. DATA_DIR=/var/lib/empfehlungsradar) ` +
          `oder erlauben Sie das Betreten (chmod o+x ${dir}). / The database server runs as user postgres and cannot enter ${dir}; ` +
          `put DATA_DIR elsewhere or allow entering it.`,
      );
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** The major version of the packaged server binary (`postgres -V` → 18). */
export function binaryMajorVersion(postgresBinary: string): number {
  const out = execFileSync(postgresBinary, ['-V'], { encoding: 'utf8' });
  const m = /\(PostgreSQL\) (\d+)/.exec(out);
  if (!m) throw new EmbeddedPostgresError(`Unerwartete Versionsangabe des PostgreSQL-Programms: ${out.trim()}`);
  return Number(m[1]);
}

/**
 * A cluster written by another major version cannot be opened by this server; PostgreSQL would say
 * only "database files are incompatible". Name both versions and the documented way through.
 */
export function checkMajorVersion(databaseDir: string, binaryMajor: number): void {
  const file = join(databaseDir, 'PG_VERSION');
  if (!existsSync(file)) return;
  const dataMajor = Number(readFileSync(file, 'utf8').trim());
  if (dataMajor === binaryMajor) return;
  throw new EmbeddedPostgresError(
    `Das Datenverzeichnis ${databaseDir} wurde von PostgreSQL ${dataMajor} geschrieben, eingebettet ist jetzt PostgreSQL ${binaryMajor}. ` +
      `So geht es weiter: mit der bisherigen Version des Empfehlungsradars (PostgreSQL ${dataMajor}) "npm run backup" ausführen, ` +
      `dann mit der neuen Version in ein leeres DATA_DIR "npm run restore -- DATEI" (README, „Sicherung und Wiederherstellung“). ` +
      `Das alte Verzeichnis bleibt unverändert. / The data directory was written by PostgreSQL ${dataMajor}, the embedded server is ` +
      `${binaryMajor}: back up with the old version, restore into an empty DATA_DIR with the new one (README).`,
  );
}
