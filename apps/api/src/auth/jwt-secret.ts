import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SECRET_FILE = 'jwt-secret';

/**
 * JWT_SECRET if set; otherwise a random key generated once and kept in DATA_DIR/jwt-secret (mode
 * 0600), so tokens survive restarts on a single machine. Several API processes must share JWT_SECRET.
 */
export async function resolveJwtSecret(
  config: { JWT_SECRET?: string; DATA_DIR: string },
  log: (line: string) => void,
): Promise<string> {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = join(config.DATA_DIR, SECRET_FILE);
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(config.DATA_DIR, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'w' });
  await chmod(file, 0o600);
  log(`JWT_SECRET ist nicht gesetzt: neuer Signaturschlüssel in ${file} erzeugt (für mehrere API-Prozesse JWT_SECRET setzen).`);
  return secret;
}
