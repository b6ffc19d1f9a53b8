import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { BACKUP_FORMAT, MAGIC, TRAILER_DIGITS, type BackupManifest, type ManifestBeside, type SectionEntry } from './format';

/** The backup file is not what its manifest says; the message names the damage. Nothing was written. */
export class BackupDamaged extends Error {
  override readonly name = 'BackupDamaged';
}

const sha256Of = async (stream: Readable): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

const range = (file: string, entry: { offset: number; bytes: number }) =>
  entry.bytes === 0 ? createReadStream(file, { start: 1, end: 0 }) : createReadStream(file, { start: entry.offset, end: entry.offset + entry.bytes - 1 });

/** The manifest written at the end of the file; undefined when the end is not a manifest (cut off). */
function trailerManifest(file: string, size: number): BackupManifest | undefined {
  const fd = openSync(file, 'r');
  try {
    const tail = Buffer.alloc(TRAILER_DIGITS + 1);
    if (size < MAGIC.length + tail.length) return undefined;
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const length = /^(\d{16})\n$/.exec(tail.toString('latin1'))?.[1];
    if (!length || Number(length) > size - tail.length) return undefined;
    const json = Buffer.alloc(Number(length));
    readSync(fd, json, 0, json.length, size - tail.length - json.length);
    const manifest = JSON.parse(json.toString('utf8')) as BackupManifest;
    return manifest.format === BACKUP_FORMAT ? manifest : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function magicOk(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
    return head.toString('latin1') === MAGIC;
  } finally {
    closeSync(fd);
  }
}

const describeBytes = (n: number) => `${n.toLocaleString('de-DE')} Bytes`;

/**
 * Checks the file against its manifest before anything is restored: size (cut off or grown), the
 * whole file's SHA-256 and, when it differs, which section changed; a file without the manifest
 * beside it is checked against the copy at its end. Returns the manifest the rest relies on.
 */
export async function checkBackupFile(file: string): Promise<BackupManifest> {
  if (!existsSync(file)) throw new BackupDamaged(`Sicherungsdatei ${file} gibt es nicht.`);
  const size = statSync(file).size;
  if (size < MAGIC.length || !magicOk(file)) throw new BackupDamaged(`${file} ist keine Sicherung des Empfehlungsradars (Kennung ${BACKUP_FORMAT} fehlt am Anfang).`);
  const besideFile = `${file}.manifest.json`;
  let beside: ManifestBeside | undefined;
  if (existsSync(besideFile)) {
    try {
      beside = JSON.parse(readFileSync(besideFile, 'utf8')) as ManifestBeside;
    } catch (e) {
      throw new BackupDamaged(`Das Manifest ${besideFile} ist kein gültiges JSON: ${(e as Error).message}`);
    }
    if (beside.format !== BACKUP_FORMAT) throw new BackupDamaged(`Das Manifest ${besideFile} hat das Format ${String(beside.format)}, erwartet ${BACKUP_FORMAT}.`);
  }
  const trailer = trailerManifest(file, size);
  if (beside) {
    if (size < beside.file.bytes) {
      const cut = beside.sections.find((s) => s.offset + s.bytes > size);
      throw new BackupDamaged(
        `Die Sicherung ist abgeschnitten: ${describeBytes(size)} von ${describeBytes(beside.file.bytes)} vorhanden, es fehlen ${describeBytes(beside.file.bytes - size)}` +
          (cut ? ` (ab Abschnitt ${cut.table})` : ' (im Manifest am Ende)') + '.',
      );
    }
    if (size > beside.file.bytes) throw new BackupDamaged(`Die Sicherung ist ${describeBytes(size - beside.file.bytes)} länger als im Manifest angegeben (${describeBytes(beside.file.bytes)}): sie wurde verändert.`);
    const sha = await sha256Of(createReadStream(file));
    if (sha !== beside.file.sha256) {
      for (const s of beside.sections) {
        if ((await sha256Of(range(file, s))) !== s.sha256) {
          throw new BackupDamaged(`Die Sicherung wurde verändert: Abschnitt ${s.table} (Bytes ${s.offset}–${s.offset + s.bytes - 1}) hat nicht die SHA-256-Prüfsumme des Manifests.`);
        }
      }
      throw new BackupDamaged(`Die Sicherung wurde verändert: SHA-256 ${sha}, das Manifest nennt ${beside.file.sha256}.`);
    }
    if (!trailer) throw new BackupDamaged('Das Manifest am Ende der Sicherung fehlt oder ist unlesbar.');
    const { file: _file, ...besideCore } = beside;
    if (JSON.stringify(besideCore) !== JSON.stringify(trailer)) throw new BackupDamaged(`Das Manifest neben der Datei (${besideFile}) weicht von dem in der Datei ab.`);
    return trailer;
  }
  if (!trailer) throw new BackupDamaged(`Die Sicherung ist abgeschnitten oder beschädigt: an ihrem Ende steht kein Manifest, und ${besideFile} fehlt.`);
  for (const s of trailer.sections) {
    if (s.offset + s.bytes > size) throw new BackupDamaged(`Die Sicherung ist abgeschnitten: Abschnitt ${s.table} reicht bis Byte ${s.offset + s.bytes}, die Datei hat ${describeBytes(size)}.`);
    if ((await sha256Of(range(file, s))) !== s.sha256) throw new BackupDamaged(`Die Sicherung wurde verändert: Abschnitt ${s.table} hat nicht die SHA-256-Prüfsumme des Manifests.`);
  }
  return trailer;
}

/** A section's rows in COPY text form, decompressed; a broken gzip member names its section. */
export function sectionStream(file: string, entry: SectionEntry): Readable {
  const gunzip = createGunzip();
  const source = range(file, entry);
  source.on('error', (e) => gunzip.destroy(e));
  gunzip.on('error', () => undefined);
  return source.pipe(gunzip);
}

/** Lines of a section (one row each). */
export async function* sectionLines(file: string, entry: SectionEntry): AsyncGenerator<string> {
  const lines = createInterface({ input: sectionStream(file, entry), crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (e) {
    throw new BackupDamaged(`Abschnitt ${entry.table} lässt sich nicht entpacken: ${(e as Error).message}`);
  }
}
