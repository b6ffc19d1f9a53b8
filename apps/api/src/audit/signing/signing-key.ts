import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** The key file: AUDIT_SIGNING_KEY, else DATA_DIR/audit-signing-key.pem. */
export const signingKeyPath = (config: { AUDIT_SIGNING_KEY?: string; DATA_DIR: string }): string =>
  resolve(config.AUDIT_SIGNING_KEY ?? join(config.DATA_DIR, SIGNING_KEY_FILE));

export class SigningKeyError extends Error {}

async function readKey(file: string, log: (line: string) => void): Promise<KeyObject> {
  const pem = await readFile(file, 'utf8');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SigningKeyError(`${file} enthält keinen privaten Schlüssel im PEM-Format (PKCS#8).`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${file} enthält einen ${key.asymmetricKeyType ?? 'unbekannten'}-Schlüssel; Audit-Manifeste werden mit Ed25519 signiert (openssl genpkey -algorithm ed25519 -out ${file}).`);
  }
  if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) {
    log(`Warnung: ${file} ist für andere Benutzer lesbar; chmod 600 ${file}.`);
  }
  return key;
}

/**
 * The Ed25519 key that signs audit manifests; it lives in a file, never in the database, so
 * whoever can rewrite the event log cannot sign a manifest for the rewritten one. With
 * AUDIT_SIGNING_KEY the file must exist (a typo must not silently start a new key); without it the
 * key is generated once into DATA_DIR (mode 0600), like the JWT secret.
 */
export async function resolveSigningKey(config: { AUDIT_SIGNING_KEY?: string; DATA_DIR: string }, log: (line: string) => void): Promise<KeyObject> {
  const file = signingKeyPath(config);
  try {
    return await readKey(file, log);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (config.AUDIT_SIGNING_KEY !== undefined) {
      throw new SigningKeyError(`AUDIT_SIGNING_KEY nennt ${file}, die Datei gibt es nicht. Anlegen mit: openssl genpkey -algorithm ed25519 -out ${file} && chmod 600 ${file}`);
    }
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process (a second API, an ops command) wrote it first: use that one.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file, log);
    throw e;
  }
  log(`AUDIT_SIGNING_KEY ist nicht gesetzt: neuer Signaturschlüssel für Audit-Manifeste in ${file} erzeugt (Modus 0600).`);
  return privateKey;
}
