import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAGIC, TRAILER_DIGITS, type BackupManifest, type ManifestBeside } from '../../apps/api/src/backup/format';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The manifest a backup file carries at its end. */
export function trailerOf(file: string): BackupManifest {
  const bytes = readFileSync(file);
  const length = Number(bytes.subarray(bytes.length - TRAILER_DIGITS - 1, bytes.length - 1).toString('latin1'));
  return JSON.parse(bytes.subarray(bytes.length - TRAILER_DIGITS - 1 - length, bytes.length - TRAILER_DIGITS - 1).toString('utf8')) as BackupManifest;
}

/**
 * A forger's rewrite: one section's rows changed by `edit`, then every offset, section hash, the
 * manifest at the end and the one beside recomputed, so that only the hash chains can tell.
 */
export function forgeBackup(file: string, out: string, table: string, edit: (rows: string) => string): void {
  const bytes = readFileSync(file);
  const manifest = trailerOf(file);
  const parts: Buffer[] = [Buffer.from(MAGIC)];
  let offset = MAGIC.length;
  const sections = manifest.sections.map((s) => {
    let member = bytes.subarray(s.offset, s.offset + s.bytes);
    if (s.table === table) member = gzipSync(Buffer.from(edit(gunzipSync(member).toString('utf8')), 'utf8'));
    parts.push(member);
    const entry = { ...s, offset, bytes: member.length, sha256: sha(member) };
    offset += member.length;
    return entry;
  });
  const forged: BackupManifest = { ...manifest, sections };
  const json = Buffer.from(`${JSON.stringify(forged)}\n`);
  parts.push(json, Buffer.from(`${String(json.length).padStart(TRAILER_DIGITS, '0')}\n`));
  const whole = Buffer.concat(parts);
  writeFileSync(out, whole);
  const beside: ManifestBeside = { ...forged, file: { bytes: whole.length, sha256: sha(whole) } };
  writeFileSync(`${out}.manifest.json`, JSON.stringify(beside, null, 2));
}
